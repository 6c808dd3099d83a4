import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseProgram } from '../../../../core/program/parse.js';
import { PAGES, ROUTES, SCREEN_ROUTES } from '../../../../core/protocol/index.js';
import { HostClock, REAL_CLOCK } from '../../../../electron/host/clock.js';
import { splitHost } from '../../../../electron/host/host-check.js';
import { Journal } from '../../../../electron/host/journal.js';
import { ScreenRegistry } from '../../../../electron/host/screens.js';
import { createApp } from '../../../../electron/host/server.js';
import { HostState } from '../../../../electron/host/state.js';
import { journalPathIn } from '../../../../electron/host/journal-file.js';
import { FIXTURE_PROGRAM, tempDir } from './helpers.js';

const TOKEN = 't'.repeat(32);

/** The app on a fresh journal; `journal` lets a test make its writes fail. */
function app(extra: { hostNames?: string[]; httpsPort?: number } = {}) {
  const parsed = parseProgram(JSON.parse(readFileSync(FIXTURE_PROGRAM, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const dir = tempDir('hallway-app-');
  const journal = new Journal(journalPathIn(dir));
  const lines: string[] = [];
  const state = new HostState(parsed.program, journal, new HostClock(REAL_CLOCK));
  const { app } = createApp({
    state,
    screens: new ScreenRegistry(),
    token: () => TOKEN,
    rendererDir: dir,
    log: (l) => lines.push(l),
    ...(extra.hostNames ? { hostNames: extra.hostNames } : {}),
    httpsPort: () => extra.httpsPort ?? null,
  });
  return { app, journal, lines };
}

/** A request as if from `remoteAddress`, arriving on local port 8710 (plain or TLS). */
const from = (remoteAddress: string, encrypted = false) => ({
  incoming: { socket: { remoteAddress, localPort: 8710, encrypted } },
});

describe('splitHost', () => {
  it.each([
    ['example.org:8710', ['example.org', 8710]],
    ['Example.ORG.', ['example.org', undefined]],
    ['[::1]:8710', ['::1', 8710]],
    ['127.0.0.1', ['127.0.0.1', undefined]],
    ['', null],
    ['a b', null],
    ['host:port', null],
  ])('%s → %j', (host, split) => expect(splitHost(host)).toEqual(split));
});

describe('the Host check (DNS rebinding)', () => {
  it.each([
    ['127.0.0.1:8710', 200],
    ['localhost:8710', 200],
    ['[::1]:8710', 200],
    ['hallway.venue.example:8710', 200],
    ['127.0.0.1:8711', 421],
    ['127.0.0.1', 421],
    ['attacker.example:8710', 421],
    ['hallway.venue.example.attacker.example:8710', 421],
  ])('Host %s → %i', async (host, status) => {
    const { app: a } = app({ hostNames: ['hallway.venue.example'] });
    const res = await a.request(ROUTES.health, { headers: { host } }, from('127.0.0.1'));
    expect(res.status).toBe(status);
    if (status === 421)
      expect(((await res.json()) as { error: string }).error).toMatch(
        /answers as localhost, \[::1\], .*hallway\.venue\.example.* at port 8710; .*--host-name NAME/,
      );
  });

  it("takes the machine's interface addresses", async () => {
    const { networkInterfaces } = await import('node:os');
    const own = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4');
    const res = await app().app.request(
      ROUTES.health,
      { headers: { host: `${own!.address}:8710` } },
      from('127.0.0.1'),
    );
    expect(res.status).toBe(200);
  });
});

describe('plain HTTP from another machine', () => {
  const post = { method: 'POST', headers: { host: '192.0.2.2:8710', 'content-type': 'application/json' } };

  it.each([
    ['GET', PAGES.lobby, 'a page', false],
    ['GET', ROUTES.snapshot, 'the snapshot', false],
    ['GET', ROUTES.events, 'the stream', false],
    ['POST', ROUTES.heartbeat, 'a heartbeat', false],
    ['GET', PAGES.admin, 'the admin page', true],
    ['GET', ROUTES.screens, 'the screen list', true],
    ['GET', SCREEN_ROUTES.registry, 'the registry and its cap', true],
    ['GET', SCREEN_ROUTES.capture, 'a capture', true],
    ['POST', ROUTES.overrides, 'an override', true],
    ['POST', ROUTES.clock, 'a clock change', true],
    ['POST', ROUTES.revert(1), 'a revert', true],
  ])('%s %s (%s): refused=%s', async (method, path, _, refused) => {
    const { app: a } = app({ httpsPort: 8443 });
    const res = await a.request(
      path,
      { ...post, method, ...(method === 'POST' ? { body: '{}' } : {}) },
      from('192.0.2.7'),
    );
    if (refused) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: string }).error).toBe(
        `the admin and every change need HTTPS from another machine (the token must not cross the network in clear): use https://192.0.2.2:8443${path}`,
      );
    } else {
      expect(res.status).not.toBe(403);
      await res.body?.cancel();
    }
  });

  it('lets the same write through over TLS, and over plain HTTP on loopback', async () => {
    const { app: a } = app({ httpsPort: 8443 });
    const body = JSON.stringify({ kind: 'alert', text: 'fire drill' });
    const auth = { ...post.headers, authorization: `Bearer ${TOKEN}` };
    const tls = await a.request(
      ROUTES.overrides,
      { method: 'POST', headers: auth, body },
      from('192.0.2.7', true),
    );
    expect(tls.status).toBe(201);
    const local = await a.request(
      ROUTES.overrides,
      { method: 'POST', headers: { ...auth, host: '127.0.0.1:8710' }, body },
      from('127.0.0.1'),
    );
    expect(local.status).toBe(201);
  });
});

describe('a journal that cannot be written', () => {
  it.each([
    ['ENOSPC', 'ENOSPC (disk full); free space', false],
    ['ENOSPC', 'ENOSPC (disk full); free space', true],
    [
      'EROFS',
      'EROFS (read-only file system); make the data dir writable (or start with another --data DIR)',
      false,
    ],
    ['EACCES', 'EACCES (permission denied); make the data dir writable for this user', true],
  ])(
    '%s (wrapped: %s): every write answers 503 naming it, and nothing is changed',
    async (code, said, wrapped) => {
      const { app: a, journal, lines } = app();
      vi.spyOn(journal, 'append').mockImplementation(() => {
        const fsError = Object.assign(new Error(`${code}: failed, write`), { code });
        // The journal may throw what fs threw, or its own error with it as the cause.
        throw wrapped ? new Error('could not write the journal', { cause: fsError }) : fsError;
      });
      const headers = {
        host: '127.0.0.1:8710',
        'content-type': 'application/json',
        authorization: `Bearer ${TOKEN}`,
      };
      const env = from('127.0.0.1');
      const answers = [
        await a.request(
          ROUTES.overrides,
          { method: 'POST', headers, body: '{"kind":"alert","text":"x"}' },
          env,
        ),
        await a.request(ROUTES.clock, { method: 'POST', headers, body: '{"action":"pause"}' }, env),
      ];
      for (const res of answers) {
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('30');
        expect(((await res.json()) as { error: string }).error).toBe(
          `the host could not write its journal: ${said}, nothing was changed`,
        );
      }
      expect(journal.revision).toBe(0);
      expect(lines.filter((l) => l.includes(code))).toHaveLength(1);
    },
  );
});
