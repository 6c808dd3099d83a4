// An attendee on the venue Wi-Fi against the host, on loopback: every source address of
// 127.0.0.0/8 is this machine on Linux, so 127.0.0.2 and up stand for other laptops. Each case is
// bounded in count and time and prints what it tried.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ROUTES } from '../../../core/protocol/index.js';
import { Journal } from '../../../electron/host/journal.js';
import { type InProcessHost, inProcessHost, tempDir } from './helpers.js';

const FAST_TIMEOUTS = {
  headersTimeoutMs: 1_000,
  requestTimeoutMs: 2_000,
  keepAliveTimeoutMs: 1_000,
  timeoutCheckMs: 200,
  limitLoopback: true,
};

interface Answer {
  status: number;
  text: string;
}

/** One request through `agent` (bound to its source address). */
function ask(
  h: InProcessHost,
  agent: Agent | false,
  method: string,
  path: string,
  o: { body?: unknown; token?: string; host?: string; localAddress?: string } = {},
): Promise<Answer> {
  const body = o.body === undefined ? undefined : JSON.stringify(o.body);
  const headers: Record<string, string> = {
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(o.token !== undefined ? { authorization: `Bearer ${o.token}` } : {}),
    ...(o.host !== undefined ? { host: o.host } : {}),
  };
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: h.host.port,
        method,
        path,
        headers,
        agent,
        ...(o.localAddress ? { localAddress: o.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

const agentFrom = (localAddress: string) => new Agent({ keepAlive: true, maxSockets: 16, localAddress });

/** Runs `jobs` with at most `n` at once. */
async function pool<T>(n: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]!();
      }
    }),
  );
  return out;
}

const tally = (statuses: number[]) =>
  Object.entries(statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {}))
    .map(([s, n]) => `${n}×${s}`)
    .join(', ');

/** An event stream on its own socket; resolves once its status is known. */
function openStream(h: InProcessHost, localAddress: string) {
  return new Promise<{ status: number; text: () => string; close: () => void }>((ok, fail) => {
    let text = '';
    const req = request(
      { host: '127.0.0.1', port: h.host.port, path: ROUTES.events, agent: false, localAddress },
      (res) => {
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('error', () => {});
        ok({ status: res.statusCode ?? 0, text: () => text, close: () => req.destroy() });
      },
    );
    req.on('error', (e) => (text === '' ? fail(e) : undefined));
    req.end();
  });
}

const until = async (pred: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('a host on the venue network', () => {
  let h: InProcessHost;
  beforeAll(async () => {
    h = await inProcessHost({ limits: FAST_TIMEOUTS });
  });
  afterAll(() => h.close());

  it('10,000 heartbeats of fake screens: the list stays capped, the real screens stay listed', async () => {
    const real = agentFrom('127.0.0.100');
    const realBeat = (i: number) =>
      ask(h, real, 'POST', ROUTES.heartbeat, {
        body: { screen: `real-${i}`, page: 'room', room: 'winchester', revision: 0 },
      });
    for (const i of [1, 2, 3]) expect((await realBeat(i)).status).toBe(200);

    const addresses = Array.from({ length: 20 }, (_, i) => `127.0.1.${i + 1}`);
    const agents = addresses.map(agentFrom);
    const started = Date.now();
    // The real screens keep beating through the flood, as they do every 15 s.
    const keepBeating = setInterval(() => [1, 2, 3].forEach((i) => void realBeat(i)), 2_000);
    const statuses = await pool(
      64,
      Array.from({ length: 10_000 }, (_, i) => async () => {
        const r = await ask(h, agents[i % agents.length]!, 'POST', ROUTES.heartbeat, {
          body: { screen: `fake-${i}`, page: 'lobby', revision: 0 },
        });
        return r.status;
      }),
    ).finally(() => clearInterval(keepBeating));
    for (const i of [1, 2, 3]) {
      const again = await realBeat(i);
      expect(again.status, again.text).toBe(200);
    }
    const list = JSON.parse((await ask(h, real, 'GET', ROUTES.screens, { token: h.host.token })).text) as {
      screen: string;
    }[];
    console.log(
      `venue: 10000 fake heartbeats from ${addresses.length} addresses in ${Date.now() - started} ms: ${tally(statuses)}; ` +
        `the list holds ${list.length} screens`,
    );
    expect(list.length).toBeLessThanOrEqual(500);
    expect(list.map((s) => s.screen)).toEqual(expect.arrayContaining(['real-1', 'real-2', 'real-3']));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => [200, 429, 503].includes(s))).toBe(true);
    expect(h.lines.filter((l) => l.includes('the registry is full'))).toHaveLength(1);
    for (const a of [real, ...agents]) a.destroy();
  }, 180_000);

  it('3,000 event streams from one address: capped, and a real screen still gets an override within 1 s', async () => {
    const screen = await openStream(h, '127.0.0.1');
    expect(screen.status).toBe(200);
    const flood = await pool(
      100,
      Array.from({ length: 3_000 }, () => () => openStream(h, '127.0.0.2')),
    );
    const statuses = flood.map((s) => s.status);
    console.log(`venue: 3000 streams from 127.0.0.2: ${tally(statuses)}`);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 503)).toHaveLength(2_950);
    const refused = await ask(h, false, 'GET', ROUTES.events, { localAddress: '127.0.0.2' });
    expect(JSON.parse(refused.text).error).toMatch(/127\.0\.0\.2 already has 50 event streams open/);

    const sent = Date.now();
    const posted = await ask(h, false, 'POST', ROUTES.overrides, {
      body: { kind: 'announce', text: 'through the flood' },
      token: h.host.token,
    });
    expect(posted.status).toBe(201);
    await until(() => screen.text().includes('through the flood'), 1_000, 'the override on the real stream');
    console.log(`venue: the override reached the real screen's stream in ${Date.now() - sent} ms`);
    for (const s of [screen, ...flood]) s.close();
  }, 90_000);

  it('200 slowloris sockets are cut by the timeouts; a long event stream is not', async () => {
    const stream = await openStream(h, '127.0.0.5');
    const sockets: { s: Socket; closedAt?: number }[] = [];
    const started = Date.now();
    for (let i = 0; i < 200; i++) {
      const s = connect({ host: '127.0.0.1', port: h.host.port, localAddress: '127.0.0.6' });
      const entry: { s: Socket; closedAt?: number } = { s };
      s.on('close', () => (entry.closedAt = Date.now()));
      s.on('error', () => {});
      sockets.push(entry);
      // Three kinds: headers a byte at a time, a body a byte at a time, and silence.
      if (i % 3 === 0) s.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${h.host.port}\r\nX-Slow: `);
      if (i % 3 === 1)
        s.write(
          `POST /api/screens/heartbeat HTTP/1.1\r\nHost: 127.0.0.1:${h.host.port}\r\n` +
            'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
        );
    }
    const drip = setInterval(() => {
      for (const { s, closedAt } of sockets) if (closedAt === undefined && !s.destroyed) s.write('a');
    }, 150);
    try {
      await until(() => sockets.every((e) => e.closedAt !== undefined), 6_000, 'every slow socket closed');
    } finally {
      clearInterval(drip);
    }
    const last = Math.max(...sockets.map((e) => e.closedAt!)) - started;
    console.log(
      `venue: 200 slowloris sockets (slow headers, slow body, silent) all closed by the host within ${last} ms ` +
        `(headers timeout ${FAST_TIMEOUTS.headersTimeoutMs} ms, request timeout ${FAST_TIMEOUTS.requestTimeoutMs} ms)`,
    );
    // The stream has outlived the request timeout and still delivers.
    expect(Date.now() - started).toBeGreaterThan(FAST_TIMEOUTS.requestTimeoutMs);
    await ask(h, false, 'POST', ROUTES.overrides, {
      body: { kind: 'announce', text: 'after the timeouts' },
      token: h.host.token,
    });
    await until(() => stream.text().includes('after the timeouts'), 1_000, 'an event on the long stream');
    stream.close();
  }, 60_000);

  it('1,000 wrong tokens: refused after the free guesses, logged once; the right token works at once elsewhere', async () => {
    // A host of its own whose first lock outlasts the run: with the default 1 s, doubling, a slow
    // machine saw the lock end between the last guess and the right token (the doubling itself
    // is checked on a fake clock in limits.test.ts).
    const own = await inProcessHost({ limits: { ...FAST_TIMEOUTS, authFirstLockMs: 120_000 } });
    onTestFinished(() => own.close());
    const guesser = agentFrom('127.0.0.3');
    const started = Date.now();
    const statuses = await pool(
      16,
      Array.from({ length: 1_000 }, (_, i) => async () => {
        const r = await ask(own, guesser, 'GET', ROUTES.screens, { token: `guess-${i}` });
        return r.status;
      }),
    );
    console.log(`venue: 1000 wrong tokens from 127.0.0.3 in ${Date.now() - started} ms: ${tally(statuses)}`);
    // 10 free guesses, the 11th locks the address out: every later request is refused unread.
    expect(statuses.filter((s) => s === 401)).toHaveLength(11);
    expect(statuses.filter((s) => s === 429)).toHaveLength(989);
    // Locked out: even the right token is refused from there, so a refusal says nothing.
    const right = await ask(own, guesser, 'GET', ROUTES.screens, { token: own.host.token });
    expect(right.status).toBe(429);
    expect(JSON.parse(right.text).error).toMatch(
      /too many wrong admin tokens from 127\.0\.0\.3: try again in \d+ s/,
    );
    const other = await ask(own, false, 'GET', ROUTES.screens, {
      token: own.host.token,
      localAddress: '127.0.0.4',
    });
    expect(other.status).toBe(200);
    expect(own.lines.filter((l) => l.includes('wrong admin tokens from 127.0.0.3'))).toHaveLength(1);
    guesser.destroy();
  }, 90_000);

  it.each([
    ['a rebound name', 'attacker.example'],
    ['a rebound name on our port', 'attacker.example:PORT'],
    ['our address on another port', '127.0.0.1:1'],
  ])('refuses a foreign Host: %s', async (_, given) => {
    const host = given.replace('PORT', String(h.host.port));
    const r = await ask(h, false, 'GET', ROUTES.snapshot, { host });
    console.log(`venue: Host "${host}" → ${r.status}`);
    expect(r.status).toBe(421);
    expect(JSON.parse(r.text).error).toMatch(/answers as .*localhost.*127\.0\.0\.1/);
  });

  it('refuses a request with no Host at all (HTTP/1.0)', async () => {
    const s = connect({ host: '127.0.0.1', port: h.host.port });
    let text = '';
    s.on('data', (c: Buffer) => (text += c.toString()));
    s.write('GET /api/snapshot HTTP/1.0\r\n\r\n');
    await new Promise((r) => s.on('close', r));
    console.log(`venue: no Host → ${text.split('\r\n')[0]}`);
    expect(text).toMatch(/^HTTP\/1\.1 421 /);
  });

  it.each(['localhost:PORT', '127.0.0.1:PORT', '[::1]:PORT'])('answers its own name %s', async (given) => {
    const r = await ask(h, false, 'GET', ROUTES.health, { host: given.replace('PORT', String(h.host.port)) });
    expect(r.status).toBe(200);
  });
});

/** Whether this process may mount a small tmpfs (root on Linux): a real full disk, a real read-only one. */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = tempDir('hallway-mount-probe-');
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  if (ok) spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  return ok;
}

// Needs root (the mount); the injected case below stands without it. (On the conf store this case
// found that atomically 2.1.1 took a short write for a whole one when the disk filled and renamed a
// truncated config.json into place: acknowledged overrides lost. The journal of its own fixed that
// for the journal; config.json still goes through conf.)
describe.skipIf(!canMount())('a real small disk (tmpfs, root only)', () => {
  it('full (ENOSPC): 503 naming it, nothing acknowledged lost; read-only (EROFS): refused at start, naming it', async () => {
    const dataDir = tempDir('hallway-tmpfs-');
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dataDir]).status).toBe(0);
    let h: InProcessHost | undefined;
    try {
      h = await inProcessHost({ dataDir });
      // Fill the disk but for a few KB: the journal grows with each override until it no longer fits.
      const filler = join(dataDir, 'filler');
      const free = () =>
        Number(spawnSync('df', ['-B1', '--output=avail', dataDir]).stdout.toString().split('\n')[1]);
      writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 24 * 1024)));
      const acknowledged: string[] = [];
      const statuses: number[] = [];
      for (let i = 1; i <= 200 && !statuses.includes(503); i++) {
        const text = `note ${i} ${'x'.repeat(400)}`;
        const r = await ask(h, false, 'POST', ROUTES.overrides, {
          body: { kind: 'announce', text },
          token: h.host.token,
        });
        statuses.push(r.status);
        if (r.status === 201) acknowledged.push(text);
        else
          expect(JSON.parse(r.text).error).toMatch(
            /^the host could not write its journal: ENOSPC \(disk full\); free space, nothing was changed$/,
          );
      }
      expect(statuses.at(-1)).toBe(503);
      rmSync(filler);
      const after = await ask(h, false, 'POST', ROUTES.overrides, {
        body: { kind: 'announce', text: 'after' },
        token: h.host.token,
      });
      expect(after.status).toBe(201);
      acknowledged.push('after');
      // Read-only (remounted once the host let go of its files): the next start says why it cannot.
      await h.host.close();
      h = undefined;
      expect(spawnSync('mount', ['-o', 'remount,ro', dataDir]).status).toBe(0);
      const refused = await inProcessHost({ dataDir }).then(
        () => 'started',
        (e: Error) => e.message,
      );
      console.log(
        `venue: tmpfs: ${acknowledged.length} overrides acknowledged before and after the disk filled (ENOSPC → 503); read-only at start: ${refused}`,
      );
      expect(refused).toMatch(
        /^the data dir .* cannot be written: EROFS \(read-only file system\); make the data dir writable/,
      );
      expect(spawnSync('mount', ['-o', 'remount,rw', dataDir]).status).toBe(0);
      h = await inProcessHost({ dataDir });
      const snapshot = JSON.parse((await ask(h, false, 'GET', ROUTES.snapshot)).text) as {
        overrides: { override?: { text?: string } }[];
      };
      expect(snapshot.overrides.map((e) => e.override?.text)).toEqual(acknowledged);
    } finally {
      await h?.host.close();
      spawnSync('umount', [dataDir]);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the disk full while posting overrides', () => {
  it('answers 503 naming ENOSPC, loses nothing it acknowledged, and the journal reads back', async () => {
    const dataDir = tempDir('hallway-enospc-');
    let full = false;
    // The journal's append throws when its write fails, and then changes nothing (its contract):
    // a full disk, as the file system reports it.
    const append = Journal.prototype.append;
    const spy = vi.spyOn(Journal.prototype, 'append').mockImplementation(function (this: Journal, ...args) {
      if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return append.apply(this, args);
    });
    onTestFinished(() => spy.mockRestore());
    let h = await inProcessHost({ dataDir });
    const acknowledged: number[] = [];
    const refused: string[] = [];
    try {
      for (let i = 1; i <= 30; i++) {
        full = i > 10 && i <= 20;
        const r = await ask(h, false, 'POST', ROUTES.overrides, {
          body: { kind: 'announce', text: `note ${i}` },
          token: h.host.token,
        });
        if (r.status === 201) acknowledged.push(i);
        else {
          expect(r.status).toBe(503);
          refused.push(JSON.parse(r.text).error);
        }
      }
      console.log(
        `venue: 30 overrides, the disk full for 10 of them: ${acknowledged.length} acknowledged, ${refused.length} refused (${refused[0]})`,
      );
      expect(refused).toHaveLength(10);
      expect(refused[0]).toBe(
        'the host could not write its journal: ENOSPC (disk full); free space, nothing was changed',
      );
      expect(h.lines.filter((l) => l.includes('could not write its journal'))).toHaveLength(1);
    } finally {
      await h.host.close();
    }
    // A fresh host on the same data dir reads every acknowledged override back, and nothing else.
    h = await inProcessHost({ dataDir });
    try {
      const snapshot = JSON.parse((await ask(h, false, 'GET', ROUTES.snapshot)).text) as {
        overrides: { override?: { text?: string } }[];
      };
      expect(snapshot.overrides.map((e) => e.override?.text)).toEqual(acknowledged.map((i) => `note ${i}`));
    } finally {
      await h.close();
    }
  }, 30_000);
});
