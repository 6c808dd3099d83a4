import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  OPML,
  api,
  inProcessHost,
  journalPrint,
  raw,
  runHallway,
  serve,
  stopServe,
  tempDir,
} from './helpers.js';

/**
 * Who may change what: every write needs the current admin token (none, a wrong one and a
 * rotated-out one are refused); the host listens on loopback unless --lan; the token shows up in
 * no answer a screen gets and no log line but the admin URL printed at start.
 */
const WRITES: [string, string, unknown][] = [
  ['POST', '/api/overrides', { kind: 'cancel', session: 't2-pm1', note: 'ill' }],
  ['POST', '/api/overrides', { kind: 'delay', session: 't1-production', minutes: 10 }],
  ['POST', '/api/overrides', { kind: 'move', session: 't1-production', room: 'magnolia', force: true }],
  ['POST', '/api/overrides', { kind: 'edit', talk: 't2-pm1-1', title: 'x' }],
  ['POST', '/api/overrides', { kind: 'now-speaking', session: 't2-pm1', talk: 't2-pm1-2' }],
  ['POST', '/api/overrides', { kind: 'announce', text: 'x' }],
  ['POST', '/api/overrides', { kind: 'alert', text: 'x' }],
  ['POST', '/api/overrides/1/revert', undefined],
  ['POST', '/api/clock', { action: 'set', at: '2019-05-20T12:00:00-07:00' }],
  ['POST', '/api/clock', { action: 'real' }],
  ['GET', '/api/screens', undefined],
];
const refused: string[] = [];
const dirs: string[] = [];
afterAll(() => {
  console.log(
    `access: ${refused.length} write requests without a valid token, all 401 (${[...new Set(refused)].join(', ')})`,
  );
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every write with `authorization` (null: none) is 401 and leaves the journal as it was. */
async function allRefused(base: string, authorization: string | null, label: string): Promise<void> {
  const before = await journalPrint(base);
  for (const [method, path, body] of WRITES) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization !== null) headers.authorization = authorization;
    const res = await raw(
      base + path,
      method,
      headers,
      body === undefined ? undefined : JSON.stringify(body),
    );
    expect(res.status, `${label}: ${method} ${path} → ${res.status} ${res.text}`).toBe(401);
    expect(JSON.parse(res.text).error, `${label}: ${path}`).toMatch(/token/);
    refused.push(label);
  }
  expect(await journalPrint(base), `${label}: the journal changed`).toBe(before);
}

describe('writes need the current admin token', () => {
  it('refuses every write without a token and with wrong ones', async () => {
    const h = await inProcessHost();
    try {
      // One good override, so revert 1 would have something to undo.
      expect(
        (await api(h.host.url, 'POST', '/api/overrides', { kind: 'alert', text: 'x' }, h.host.token)).status,
      ).toBe(201);
      const t = h.host.token;
      await allRefused(h.host.url, null, 'no token');
      await allRefused(h.host.url, 'Bearer', 'empty bearer');
      await allRefused(h.host.url, `Bearer ${t}x`, 'token + 1 char');
      await allRefused(h.host.url, `Bearer ${t.slice(0, -1)}`, 'token - 1 char');
      await allRefused(
        h.host.url,
        `Bearer ${t.toUpperCase() === t ? t.toLowerCase() : t.toUpperCase()}`,
        'token in other case',
      );
      await allRefused(h.host.url, `Basic ${Buffer.from(`admin:${t}`).toString('base64')}`, 'basic auth');
      await allRefused(h.host.url, t, 'token without Bearer');
      // The token in the query string or a cookie is not a token either.
      const q = await raw(
        `${h.host.url}/api/overrides?token=${t}`,
        'POST',
        { 'content-type': 'application/json', cookie: `token=${t}` },
        '{"kind":"alert","text":"x"}',
      );
      expect(q.status).toBe(401);
    } finally {
      await h.close();
    }
  });

  it('refuses the old token after `hallway token --rotate`, running and after a restart', async () => {
    const data = tempDir('hallway-rotate-');
    dirs.push(data);
    const args = [
      '--program',
      OPML,
      '--data',
      data,
      '--port',
      '0',
      '--clock',
      '2019-05-20T10:40:00-07:00',
      '--rate',
      '0',
    ];
    const first = await serve(args);
    const old = first.token;
    expect((await api(first.url, 'POST', '/api/overrides', { kind: 'alert', text: 'x' }, old)).status).toBe(
      201,
    );

    // Rotated while the host runs: the running host takes the new token at once.
    const rotated = await runHallway(['token', '--data', data, '--rotate']);
    expect(rotated.code, rotated.stderr).toBe(0);
    const fresh = rotated.stdout.trim();
    expect(fresh).not.toBe(old);
    expect(fresh.length).toBeGreaterThanOrEqual(16);
    const whileRunning = (await api(first.url, 'GET', '/api/screens', undefined, old)).status;
    expect(whileRunning).toBe(401);
    expect((await api(first.url, 'GET', '/api/screens', undefined, fresh)).status).toBe(200);
    await stopServe(first);

    const second = await serve(args);
    try {
      expect(second.token).toBe(fresh);
      await allRefused(second.url, `Bearer ${old}`, 'rotated-out token');
      expect(
        (await api(second.url, 'POST', '/api/overrides', { kind: 'alert', text: 'y' }, fresh)).status,
      ).toBe(201);
      expect((await runHallway(['token', '--data', data])).stdout.trim()).toBe(fresh);
    } finally {
      await stopServe(second);
    }
    console.log(
      `access: after --rotate the running host answered the old token ${whileRunning}, and refused it after a restart too`,
    );
  }, 60_000);
});

/** A non-loopback IPv4 address of this machine, if it has one. */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

const reachable = (host: string, port: number) =>
  new Promise<boolean>((ok) => {
    const s = connect({ host, port, timeout: 2_000 });
    s.once('connect', () => {
      s.destroy();
      ok(true);
    });
    s.once('error', () => ok(false));
    s.once('timeout', () => {
      s.destroy();
      ok(false);
    });
  });

describe('where the host listens', () => {
  const lan = lanAddress();

  it('loopback only by default: not reachable on the LAN address', async () => {
    const h = await inProcessHost();
    try {
      expect(h.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await reachable('127.0.0.1', h.host.port)).toBe(true);
      // Without a LAN interface there is nothing else to reach it on; the URL check above stands.
      if (lan) expect(await reachable(lan, h.host.port), `reachable on ${lan}`).toBe(false);
      console.log(
        `access: default host on 127.0.0.1:${h.host.port}; on ${lan ?? '(no LAN address)'}: ${lan ? 'refused' : 'n/a'}`,
      );
    } finally {
      await h.close();
    }
  });

  it('with --lan: reachable on the LAN address, and it says so loudly', async () => {
    const data = tempDir('hallway-lan-');
    dirs.push(data);
    const host = await serve(['--program', OPML, '--data', data, '--port', '0', '--lan']);
    try {
      expect(host.output.join('\n')).toMatch(/WARNING.*ALL network interfaces/);
      if (lan) expect(await reachable(lan, host.port)).toBe(true);
      expect(await reachable('127.0.0.1', host.port)).toBe(true);
    } finally {
      await stopServe(host);
    }
  });
});

describe('the token stays secret', () => {
  it('is in no screen-facing answer and no log line but the admin URL', async () => {
    const data = tempDir('hallway-secret-');
    dirs.push(data);
    const host = await serve([
      '--program',
      OPML,
      '--data',
      data,
      '--port',
      '0',
      '--clock',
      '2019-05-20T10:40:00-07:00',
      '--rate',
      '0',
    ]);
    const t = host.token;
    const answers: [string, string][] = [];
    try {
      const hb = await raw(
        `${host.url}/api/screens/heartbeat`,
        'POST',
        { 'content-type': 'application/json' },
        JSON.stringify({ screen: 'winchester-1', page: 'room', room: 'winchester', revision: 0 }),
      );
      answers.push(['heartbeat', hb.text]);
      expect(hb.status).toBe(200);
      // Admin activity, including a failing request, must not print the token either.
      expect((await api(host.url, 'POST', '/api/overrides', { kind: 'alert', text: 'x' }, t)).status).toBe(
        201,
      );
      expect(
        (await api(host.url, 'POST', '/api/overrides', { kind: 'cancel', session: 'nope' }, t)).status,
      ).toBe(404);
      expect((await api(host.url, 'POST', '/api/overrides', { kind: 'alert' }, `${t}x`)).status).toBe(401);
      answers.push(['screens', (await api(host.url, 'GET', '/api/screens', undefined, t)).text]);
      for (const path of [
        '/api/snapshot',
        '/api/now-next?room=winchester',
        '/api/lobby',
        '/api/health',
        '/api/nothing-here',
      ])
        answers.push([path, (await raw(host.url + path, 'GET')).text]);
      const events = await fetch(`${host.url}/api/events?since=0`);
      const reader = events.body!.getReader();
      const first = await reader.read();
      await reader.cancel();
      answers.push(['events', Buffer.from(first.value ?? new Uint8Array()).toString()]);
    } finally {
      await stopServe(host);
    }
    for (const [what, text] of answers) expect(text.includes(t), `${what} contains the token`).toBe(false);
    const withToken = host.output.filter((l) => l.includes(t));
    expect(withToken, 'lines with the token').toHaveLength(1);
    expect(withToken[0]).toMatch(/^admin:\s*http:\/\/\S+\/admin#token=/);
    console.log(
      `access: token in 0 of ${answers.length} screen/API answers, in 1 of ${host.output.length} log lines (the admin URL printed at start)`,
    );
  }, 60_000);
});
