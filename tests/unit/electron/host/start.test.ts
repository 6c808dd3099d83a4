import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../../core/protocol/index.js';
import { STORE_OPTIONS, type StoreShape } from '../../../../electron/host/index.js';
import { httpsGet, send, type TestHost, tempDir, testHost } from './helpers.js';

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

  it('takes a store the shell opened, checks it the same way, and keeps the journal beside it', async () => {
    const dataDir = tempDir('hallway-shell-store-');
    const store = new Conf<StoreShape>({ ...STORE_OPTIONS, cwd: dataDir });
    writeFileSync(store.path, JSON.stringify({ journal: 'nope' }));
    t = await testHost({ dataDir: undefined, store });
    expect(t.lines.some((l) => /moved it to .*config\.corrupt-/.test(l))).toBe(true);
    await t.api('POST', ROUTES.overrides, { kind: 'alert', text: 'via the shell store' });
    expect(store.has('journal')).toBe(false);
    const lines = readFileSync(join(dirname(store.path), 'journal.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(lines.map((l) => JSON.parse(l).override.text)).toEqual(['via the shell store']);
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

  it('--lan listens on every interface over HTTPS and says so loudly, with the fingerprint', async () => {
    t = await testHost({ lan: true });
    expect(t.lines.some((l) => l.startsWith('WARNING: listening on ALL network interfaces'))).toBe(true);
    expect(t.host.url).toMatch(/^https:\/\//);
    const served = await httpsGet(`https://127.0.0.1:${t.host.port}${ROUTES.health}`);
    expect(served.status).toBe(200);
    expect(served.fingerprint).toBe(t.host.tls?.fingerprint);
    expect(t.lines.some((l) => l.includes(`SHA-256 fingerprint ${served.fingerprint}`))).toBe(true);
    // Plain HTTP to the HTTPS port gets no answer.
    await expect(fetch(`http://127.0.0.1:${t.host.port}${ROUTES.health}`)).rejects.toThrow();
  });

  it('--screens-http-port: screens over plain HTTP; from another machine never the admin or a write', async () => {
    t = await testHost({ lan: true, screensHttpPort: 0 });
    const plain = new URL(t.host.screensHttpUrl!);
    expect(t.lines.some((l) => l.startsWith(`screens: also plain HTTP at ${plain.origin}`))).toBe(true);
    const local = `http://127.0.0.1:${plain.port}`;
    expect((await send(local + ROUTES.health)).status).toBe(200);
    // The machine's own LAN address is "another machine" to the host: a real non-loopback client.
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (!lan) return console.log('start: no LAN address on this machine; the app-level test covers it');
    const fromLan = { localAddress: lan, headers: { authorization: `Bearer ${t.host.token}` } };
    expect((await send(`http://${lan}:${plain.port}${ROUTES.snapshot}`, fromLan)).status).toBe(200);
    const write = await send(`http://${lan}:${plain.port}${ROUTES.overrides}`, {
      ...fromLan,
      method: 'POST',
      headers: { ...fromLan.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'alert', text: 'in clear' }),
    });
    expect(write.status).toBe(403);
    expect(JSON.parse(write.text).error).toContain(`use https://${lan}:${t.host.port}/api/overrides`);
    expect(JSON.parse((await send(t.host.url + ROUTES.snapshot)).text).overrides).toEqual([]);
  });

  it('a data dir that cannot be written: says so at start, naming it', async () => {
    const file = join(tempDir('hallway-notdir-'), 'a-file');
    writeFileSync(file, '');
    await expect(testHost({ dataDir: join(file, 'data') })).rejects.toThrow(
      /^the data dir .*a-file\/data cannot be written: .*ENOTDIR.*; check the data dir$/,
    );
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

  it('a crash between the clock entry and the settings write: the next start takes the journal’s clock', async () => {
    t = await testHost();
    await t.api('POST', ROUTES.clock, { action: 'set', at: '2019-05-20T15:00:00-07:00', rate: 0 });
    const settingsFile = join(t.dataDir, 'config.json');
    const settingsThen = readFileSync(settingsFile);
    await t.api('POST', ROUTES.clock, { action: 'set', at: '2019-05-20T16:30:00-07:00', rate: 0 });
    await t.host.close();
    // As if the host died after the journal line was fsynced and before config.json was written.
    writeFileSync(settingsFile, settingsThen);
    await t.restart({ clock: undefined, rate: undefined });
    expect((await t.api('GET', ROUTES.snapshot)).json.clock.now).toBe('2019-05-20T16:30:00-07:00');
    expect(t.lines.some((l) => /clock: took the clock from journal revision 2/.test(l))).toBe(true);
  });

  it('an old store with its journal inside config.json: migrated at start, every entry served', async () => {
    const dataDir = tempDir('hallway-old-store-');
    const journal = [1, 2].map((revision) => ({
      type: 'override',
      revision,
      at: '2019-05-20T09:00:00-07:00',
      override: { kind: 'alert', text: `old ${revision}` },
    }));
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ journal, settings: {} }));
    t = await testHost({ dataDir });
    const snap = (await t.api('GET', ROUTES.snapshot)).json;
    expect(snap.revision).toBe(2);
    expect(snap.overrides).toEqual(journal);
    expect(JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8')).journal).toBeUndefined();
    expect(t.lines.some((l) => /moved 2 entries/.test(l))).toBe(true);
  });
});
