import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../../core/protocol/index.js';
import { DEFAULT_SETTINGS } from '../../../../core/settings/schema.js';
import { type TestHost, testHost } from '../host/helpers.js';
import { cli, scratch } from './helpers.js';

let host: TestHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

const prepared = {
  theme: { mode: 'light', accent: '#1d4ed8' },
  rooms: { winchester: { floor: 'first floor', capacity: 120 } },
};

describe('hallway settings', () => {
  it('exports the defaults of a new data dir', async () => {
    const dir = scratch('hallway-settings-');
    const r = await cli('settings', 'export', '--data', dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(DEFAULT_SETTINGS);
    expect(r.err).toContain('the default settings (none set)');
  });

  it('imports a prepared file into the data dir, and a host started on it shows it', async () => {
    const dir = scratch('hallway-settings-');
    const file = join(dir, 'prepared.json');
    writeFileSync(file, JSON.stringify(prepared));
    const r = await cli('settings', 'import', file, '--data', dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('as revision 1');
    const out = join(dir, 'out.json');
    expect((await cli('settings', 'export', out, '--data', dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject(prepared);

    host = await testHost({ dataDir: dir });
    expect((await host.api('GET', ROUTES.settings)).json.settings).toMatchObject(prepared);
  });

  it.each<[string, string, RegExp]>([
    ['a bad colour', JSON.stringify({ theme: { accent: 'blue' } }), /theme\.accent: must be a colour/],
    ['an unknown field', JSON.stringify({ colours: {} }), /\(top level\): has unknown field\(s\) "colours"/],
    ['a newer version', JSON.stringify({ version: 9 }), /version: is 9, from a newer Hallway/],
    ['no JSON', '{"theme":', /cannot read .*: .*JSON/],
  ])('refuses %s naming the field, changing nothing', async (_what, text, message) => {
    const dir = scratch('hallway-settings-');
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    const r = await cli('settings', 'import', file, '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('nothing was changed');
    expect(JSON.parse((await cli('settings', 'export', '--data', dir)).out)).toEqual(DEFAULT_SETTINGS);
  });

  it('is refused on the data dir of a running host, and sent to it with --url', async () => {
    host = await testHost();
    const file = join(host.dataDir, 'prepared.json');
    writeFileSync(file, JSON.stringify(prepared));
    const locked = await cli('settings', 'import', file, '--data', host.dataDir);
    expect(locked.code).toBe(1);
    expect(locked.err).toMatch(/another Hallway host .* is using the data dir .*--url/);
    const sent = await cli('settings', 'import', file, '--data', host.dataDir, '--url', host.host.url);
    expect(sent.code).toBe(0);
    expect((await host.api('GET', ROUTES.settings)).json).toMatchObject({ revision: 1, settings: prepared });
  });

  it('says what to do without an action', async () => {
    const r = await cli('settings');
    expect(r.code).toBe(2);
    expect(r.err).toContain('say export or import');
  });
});
