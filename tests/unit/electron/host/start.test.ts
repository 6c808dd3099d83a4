import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../../core/protocol/index.js';
import { STORE_OPTIONS, type StoreShape } from '../../../../electron/host/index.js';
import { type TestHost, tempDir, testHost } from './helpers.js';

let t: TestHost | undefined;
afterEach(() => t?.close());

describe('startHost', () => {
  it.each([
    ['truncated JSON', '{"journal":[{"type":"override","revi'],
    ['binary garbage', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x01])],
    ['a schema-invalid store', JSON.stringify({ journal: [{ type: 'teleport', revision: 1 }] })],
  ])('with %s: starts, keeps the bad file aside, and says where', async (_what, content) => {
    const dataDir = tempDir('hallway-corrupt-');
    writeFileSync(join(dataDir, 'config.json'), content);
    t = await testHost({ dataDir });
    const aside = readdirSync(dataDir).filter((f) => f.startsWith('config.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0]!))).toEqual(Buffer.from(content));
    expect(t.lines.filter((l) => l.includes(join(dataDir, aside[0]!)))).toHaveLength(1);
    expect((await t.api('GET', ROUTES.health)).json).toEqual({ ok: true, revision: 0 });
    expect((await t.api('POST', ROUTES.overrides, { kind: 'alert', text: 'x' })).status).toBe(201);
  });

  it('takes a store the shell opened, and checks it the same way', async () => {
    const dataDir = tempDir('hallway-shell-store-');
    const store = new Conf<StoreShape>({ ...STORE_OPTIONS, cwd: dataDir });
    writeFileSync(store.path, JSON.stringify({ journal: 'nope' }));
    t = await testHost({ dataDir: undefined, store });
    expect(t.lines.some((l) => /moved it to .*config\.corrupt-/.test(l))).toBe(true);
    await t.api('POST', ROUTES.overrides, { kind: 'alert', text: 'via the shell store' });
    expect(store.get('journal')).toHaveLength(1);
    expect(store.get('token')).toBe(t.host.token);
  });

  it('lists a screen per room, the lobby, and the admin page with its token', async () => {
    t = await testHost();
    expect(t.host.screens.map((s) => [s.kind, s.room])).toEqual([
      ['room', 'santa-clara-ballroom'],
      ['room', 'winchester'],
      ['room', 'stevens-creek'],
      ['room', 'magnolia'],
      ['lobby', undefined],
      ['admin', undefined],
    ]);
    expect(t.host.screens.at(-1)!.url).toBe(`${t.host.url}/admin#token=${t.host.token}`);
    expect(t.host.url).toBe(`http://127.0.0.1:${t.host.port}`);
  });

  it('--lan listens on every interface and says so loudly', async () => {
    t = await testHost({ lan: true });
    expect(t.lines.some((l) => l.startsWith('WARNING: listening on ALL network interfaces'))).toBe(true);
    expect((await fetch(`http://127.0.0.1:${t.host.port}${ROUTES.health}`)).status).toBe(200);
  });

  it('rejects a rate it cannot run', async () => {
    await expect(testHost({ rate: -2 })).rejects.toThrow(/rate -2/);
  });

  it('a simulated clock survives a restart', async () => {
    t = await testHost();
    await t.api('POST', ROUTES.clock, { action: 'set', at: '2019-05-20T15:00:00-07:00', rate: 0 });
    await t.restart({ clock: undefined, rate: undefined });
    expect((await t.api('GET', ROUTES.snapshot)).json.clock.now).toBe('2019-05-20T15:00:00-07:00');
    expect(t.lines.some((l) => l.startsWith('clock: SIMULATED'))).toBe(true);
  });
});
