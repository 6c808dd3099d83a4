import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROUTES, SCREEN_ROUTES, Snapshot } from '../../../../core/protocol/index.js';
import { openStore } from '../../../../electron/host/store.js';
import { FIXTURE_PROGRAM, tempDir } from '../host/helpers.js';
import { cli, ROOT, spawnServe } from './helpers.js';

let dataDir: string;
beforeEach(() => {
  dataDir = tempDir('hallway-serve-');
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const args = () => [
  '--data',
  dataDir,
  '--program',
  FIXTURE_PROGRAM,
  '--clock',
  '2019-05-20T10:40:00-07:00',
  '--rate',
  '0',
];

describe('hallway serve', () => {
  it('prints a URL per room, the lobby and the admin URL; SIGTERM exits cleanly', async () => {
    const { child, url, token, output } = await spawnServe(args());
    const text = output.join('');
    expect(text).toContain(`room winchester (Winchester Room): ${url}/room/winchester`);
    expect(text).toContain(`lobby: ${url}/lobby`);
    expect(text).toContain(`admin: ${url}/admin#token=${token}`);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('--max-screens sets the registry cap the admin is told', async () => {
    const { child, url, token } = await spawnServe([...args(), '--max-screens', '2']);
    try {
      const res = await fetch(url + SCREEN_ROUTES.registry, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await res.json()) as { cap: number }).cap).toBe(2);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('keeps every override that got a 2xx when killed with SIGKILL mid-stream', async () => {
    const first = await spawnServe(args());
    const acked: string[] = [];
    let n = 0;
    let killed = false;
    const post = async (text: string) => {
      const res = await fetch(first.url + ROUTES.overrides, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${first.token}` },
        body: JSON.stringify({ kind: 'announce', text }),
      });
      if (res.ok) acked.push(text);
    };
    // Four writers post as fast as they are answered; the host dies under them.
    const writer = async () => {
      while (!killed) {
        try {
          await post(`notice ${n++}`);
        } catch {
          // refused or cut off by the kill: not acknowledged, so not promised
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    while (acked.length < 60) await new Promise((r) => setTimeout(r, 5));
    const exited = new Promise((r) => first.child.on('exit', r));
    first.child.kill('SIGKILL');
    killed = true;
    await exited;
    await Promise.all(writers);
    expect(acked.length).toBeGreaterThanOrEqual(60);

    const second = await spawnServe(args());
    try {
      const snap = Snapshot.parse(await (await fetch(second.url + ROUTES.snapshot)).json());
      const texts = snap.program.announcements.map((a) => a.text);
      for (const text of acked) expect(texts).toContain(text);
      expect(snap.overrides.map((e) => e.revision)).toEqual(snap.overrides.map((_, i) => i + 1));
      expect(second.token).toBe(first.token);
    } finally {
      second.child.kill('SIGTERM');
    }
  });

  it('an unusable schedule: prints every problem, exits 1, leaves the stored log alone', () => {
    openStore(dataDir, () => {}).set('journal', [
      {
        type: 'override',
        revision: 1,
        at: '2019-05-20T09:00:00-07:00',
        override: { kind: 'alert', text: 'kept' },
      },
    ]);
    const before = readFileSync(join(dataDir, 'config.json'));
    const r = spawnSync(
      process.execPath,
      [
        'bin/hallway.mjs',
        'serve',
        '--port',
        '0',
        '--data',
        dataDir,
        '--program',
        join(ROOT, 'tests/fixtures/schedules/unreadable-times.schedule.json'),
      ],
      { cwd: ROOT, env: { ...process.env, HALLWAY_SKIP_RENDERER_BUILD: '1' }, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unreadable-times.schedule.json');
    expect(r.stderr).toMatch(/schedule\.conference\.days\[0\]/);
    expect(readFileSync(join(dataDir, 'config.json'))).toEqual(before);
  });

  it('unknown command → usage and exit 2', () => {
    const r = spawnSync(process.execPath, ['bin/hallway.mjs', 'sevre'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: hallway <command>');
  });

  it.each([
    [['--host-name', 'hallway.example'], '--host-name needs --lan'],
    [['--tls-cert', 'c.pem'], '--tls-cert needs --lan'],
    [['--lan', '--host-name', 'bad name'], '--host-name "bad name" is not a host name'],
    [['--lan', '--screens-http-port', '70000'], '--screens-http-port must be a whole number from 0 to 65535'],
    [['--max-screens', '0'], '--max-screens must be a whole number from 1 to 100000 (got 0)'],
    [['--max-screens', 'lots'], '--max-screens'],
  ])('%j → usage error', async (extra, said) => {
    const r = await cli('serve', '--data', dataDir, ...extra);
    expect(r.code).toBe(2);
    expect(r.err).toContain(said);
  });

  it('--lan with a certificate but no key says to give both', async () => {
    const r = await cli(
      'serve',
      '--data',
      dataDir,
      '--port',
      '0',
      '--lan',
      '--tls-cert',
      join(dataDir, 'c.pem'),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('give --tls-cert and --tls-key together');
  });
});
