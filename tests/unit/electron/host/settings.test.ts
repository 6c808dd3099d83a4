import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../../core/protocol/index.js';
import { DEFAULT_SETTINGS } from '../../../../core/settings/schema.js';
import { type TestHost, testHost } from './helpers.js';

let t: TestHost | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const themed = {
  theme: { mode: 'light', accent: '#1D4ED8' },
  rooms: { winchester: { floor: 'first floor' } },
};

describe('GET/PUT /api/settings', () => {
  it('answers the defaults before anything was set', async () => {
    t = await testHost();
    const r = await t.api('GET', ROUTES.settings, undefined, null);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ revision: 0, settings: DEFAULT_SETTINGS, warnings: [] });
    expect((await t.api('GET', ROUTES.snapshot)).json.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('journals a PUT as one settings entry, in the snapshot and the day cut', async () => {
    t = await testHost();
    const r = await t.api('PUT', ROUTES.settings, themed);
    expect(r.status).toBe(201);
    expect(r.json.revision).toBe(1);
    expect(r.json.settings.theme).toMatchObject({ mode: 'light', accent: '#1d4ed8', font: 'system' });
    const snap = (await t.api('GET', ROUTES.snapshot)).json;
    expect(snap.revision).toBe(1);
    expect(snap.settings).toEqual(r.json.settings);
    expect(snap.overrides).toEqual([
      { type: 'settings', revision: 1, at: '2019-05-20T10:40:00-07:00', settings: r.json.settings },
    ]);
    expect((await t.api('GET', ROUTES.day)).json.settings).toEqual(r.json.settings);
    const line = readFileSync(join(t.dataDir, 'journal.jsonl'), 'utf8').trim();
    expect(JSON.parse(line).type).toBe('settings');
  });

  it('needs the token to PUT', async () => {
    t = await testHost();
    expect((await t.api('PUT', ROUTES.settings, themed, null)).status).toBe(401);
    expect((await t.api('PUT', ROUTES.settings, themed, 'wrong-token-wrong-token')).status).toBe(401);
    expect((await t.api('GET', ROUTES.settings)).json.revision).toBe(0);
  });

  it('refuses a bad document naming every field, and keeps what was saved', async () => {
    t = await testHost();
    await t.api('PUT', ROUTES.settings, themed);
    const r = await t.api('PUT', ROUTES.settings, {
      theme: { accent: 'blue' },
      rooms: { winchester: { capacity: 0 } },
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(
      /^the settings are not valid, nothing was changed: theme.accent: must be a colour/,
    );
    expect(r.json.problems.map((p: { path: string }) => p.path)).toEqual([
      'theme.accent',
      'rooms.winchester.capacity',
    ]);
    expect((await t.api('PUT', ROUTES.settings, '{"theme":')).status).toBe(400);
    const now = (await t.api('GET', ROUTES.settings)).json;
    expect(now.revision).toBe(1);
    expect(now.settings.theme.accent).toBe('#1d4ed8');
  });

  it('warns about body text below 7:1 but keeps it', async () => {
    t = await testHost();
    const r = await t.api('PUT', ROUTES.settings, { theme: { text: '#555555' } });
    expect(r.status).toBe(201);
    expect(r.json.warnings).toEqual([
      expect.stringMatching(/^theme.text #555555 on #0b1017 has a contrast of 2\.\d:1/),
    ]);
  });

  it('survives a restart, from the journal and from the store', async () => {
    t = await testHost();
    const put = (await t.api('PUT', ROUTES.settings, themed)).json;
    const store = JSON.parse(readFileSync(join(t.dataDir, 'config.json'), 'utf8'));
    expect(store.settings.screens).toMatchObject({ revision: 1, settings: put.settings });
    await t.restart();
    expect((await t.api('GET', ROUTES.settings)).json).toMatchObject({ revision: 1, settings: put.settings });
    expect((await t.api('GET', ROUTES.snapshot)).json.settings).toEqual(put.settings);
  });

  it('takes the store’s copy when the journal lost its entry (set aside at start)', async () => {
    t = await testHost();
    await t.api('PUT', ROUTES.settings, { theme: { mode: 'light' } });
    const put = (await t.api('PUT', ROUTES.settings, themed)).json;
    await t.host.close();
    // The second entry's line damaged: the journal keeps revision 1 only.
    const path = join(t.dataDir, 'journal.jsonl');
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    writeFileSync(path, `${lines[0]}\n{"type":"settings","revision":2,\n`);
    await t.restart();
    expect((await t.api('GET', ROUTES.settings)).json).toMatchObject({ revision: 2, settings: put.settings });
  });
});
