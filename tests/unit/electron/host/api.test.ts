import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OverrideInput } from '../../../../core/overrides/schema.js';
import { ROUTES, Snapshot } from '../../../../core/protocol/index.js';
import { type Json, type TestHost, testHost } from './helpers.js';

let t: TestHost;
beforeEach(async () => {
  t = await testHost();
});
afterEach(() => t.close());

const nowNext = (room: string, at: string) =>
  t.api('GET', `${ROUTES.nowNext}?room=${room}&at=${encodeURIComponent(at)}`);
const session = (program: Json, id: string) => program.sessions.find((s: { id: string }) => s.id === id);

describe('reads', () => {
  it('health answers with the revision', async () => {
    expect(await t.api('GET', ROUTES.health)).toEqual({ status: 200, json: { ok: true, revision: 0 } });
  });

  it('snapshot is a protocol Snapshot with the host clock', async () => {
    const { status, json } = await t.api('GET', ROUTES.snapshot);
    expect(status).toBe(200);
    const snap = Snapshot.parse(json);
    expect(snap.revision).toBe(0);
    expect(snap.rooms.map((r) => r.id)).toEqual([
      'santa-clara-ballroom',
      'winchester',
      'stevens-creek',
      'magnolia',
    ]);
    expect(snap.clock.now).toBe('2019-05-20T10:40:00-07:00');
    expect(snap.clock.state).toMatchObject({ mode: 'simulated', rate: 0 });
  });

  it('now-next defaults to the host clock', async () => {
    const { status, json } = await t.api('GET', `${ROUTES.nowNext}?room=winchester`);
    expect(status).toBe(200);
    expect(json.at).toBe('2019-05-20T10:40:00-07:00');
    expect(json.current.id).toBe('t1-production');
  });

  it('now-next answers for the instant asked', async () => {
    const { json } = await nowNext('stevens-creek', '2019-05-20T13:45:00-07:00');
    expect(json.current.title).toBe('Handling Heterogeneity, Distribution, and Scale');
    expect(json.next.title).toBe('Measuring and Diagnosing Production ML');
  });

  it.each([
    ['', ['room']],
    ['?room=winchester&at=10:30', ['at']],
    ['?at=tomorrow', ['room', 'at']],
  ])('now-next%s → 400 naming %j', async (query, paths) => {
    const { status, json } = await t.api('GET', ROUTES.nowNext + query);
    expect(status).toBe(400);
    expect(json.problems.map((p: { path: string }) => p.path)).toEqual(paths);
  });

  it('now-next for an unknown room → 404 listing the rooms', async () => {
    const { status, json } = await t.api('GET', `${ROUTES.nowNext}?room=attic`);
    expect(status).toBe(404);
    expect(json.error).toContain('"attic"');
    expect(json.error).toContain('winchester');
  });

  it('lobby answers with the rooms as columns', async () => {
    const { status, json } = await t.api(
      'GET',
      `${ROUTES.lobby}?from=${encodeURIComponent('2019-05-20T10:00:00-07:00')}&until=${encodeURIComponent('2019-05-20T12:00:00-07:00')}`,
    );
    expect(status).toBe(200);
    expect(json.rooms.map((r: { id: string }) => r.id)).toContain('winchester');
  });

  it.each([
    ['?from=yesterday', ['from']],
    ['?at=x&until=y', ['at', 'until']],
    [
      `?from=${encodeURIComponent('2019-05-20T12:00:00-07:00')}&until=${encodeURIComponent('2019-05-20T10:00:00-07:00')}`,
      ['until'],
    ],
  ])('lobby%s → 400 naming %j', async (query, paths) => {
    const { status, json } = await t.api('GET', ROUTES.lobby + query);
    expect(status).toBe(400);
    expect(json.problems.map((p: { path: string }) => p.path)).toEqual(paths);
  });
});

describe('overrides: every kind is accepted and shows in the snapshot and now/next', () => {
  type Check = (
    snapshotProgram: Json,
    at: (room: string, iso: string) => Promise<Json>,
  ) => Promise<void> | void;
  it.each<[string, OverrideInput, Check]>([
    [
      'cancel a session',
      { kind: 'cancel', session: 't1-production', note: 'speaker ill' },
      async (p, at) => {
        expect(session(p, 't1-production').cancelled).toEqual({ note: 'speaker ill' });
        expect((await at('winchester', '2019-05-20T11:00:00-07:00')).current.cancelled).toBeTruthy();
      },
    ],
    [
      'cancel a talk',
      { kind: 'cancel', talk: 't1-production-2', note: 'moved online' },
      async (p, at) => {
        expect(session(p, 't1-production').talks[1].cancelled).toEqual({ note: 'moved online' });
        expect((await at('winchester', '2019-05-20T11:00:00-07:00')).current.talks[1].cancelled).toBeTruthy();
      },
    ],
    [
      'delay a session',
      { kind: 'delay', session: 't1-production', minutes: 15 },
      async (p, at) => {
        expect(session(p, 't1-production').start).toBe('2019-05-20T10:45:00-07:00');
        const nn = await at('winchester', '2019-05-20T10:40:00-07:00');
        expect(nn.current).toBeNull();
        expect(nn.next.id).toBe('t1-production');
        expect(nn.next.start).toBe('2019-05-20T10:45:00-07:00');
      },
    ],
    [
      'move a session into a free room',
      { kind: 'move', session: 't2-deep-learning', room: 'santa-clara-ballroom' },
      async (p, at) => {
        expect(session(p, 't2-deep-learning').room).toBe('santa-clara-ballroom');
        expect((await at('santa-clara-ballroom', '2019-05-20T11:00:00-07:00')).current.id).toBe(
          't2-deep-learning',
        );
      },
    ],
    [
      'edit a session title',
      { kind: 'edit', session: 't1-production', title: 'Production, Revisited' },
      async (p, at) => {
        expect(session(p, 't1-production').title).toBe('Production, Revisited');
        expect((await at('winchester', '2019-05-20T11:00:00-07:00')).current.title).toBe(
          'Production, Revisited',
        );
      },
    ],
    [
      'edit a talk’s speakers',
      { kind: 'edit', talk: 't1-production-2', speakers: [{ name: 'Grace Standin', affiliation: 'Navy' }] },
      async (p, at) => {
        expect(session(p, 't1-production').talks[1].speakers).toEqual([
          { name: 'Grace Standin', affiliation: 'Navy' },
        ]);
        const nn = await at('winchester', '2019-05-20T11:00:00-07:00');
        expect(nn.current.talks[1].speakers[0].name).toBe('Grace Standin');
      },
    ],
    [
      'now speaking',
      { kind: 'now-speaking', session: 't1-production', talk: 't1-production-2' },
      async (p, at) => {
        expect(session(p, 't1-production').nowSpeaking.talk).toBe('t1-production-2');
        expect((await at('winchester', '2019-05-20T10:41:00-07:00')).current.onNow.talk).toBe(
          't1-production-2',
        );
      },
    ],
    [
      'announce',
      { kind: 'announce', text: 'Coffee in the foyer', rooms: ['winchester'] },
      (p) => {
        expect(p.announcements).toEqual([
          expect.objectContaining({ text: 'Coffee in the foyer', rooms: ['winchester'] }),
        ]);
      },
    ],
    [
      'alert',
      { kind: 'alert', text: 'Please leave the building' },
      (p) => {
        expect(p.alerts).toEqual([expect.objectContaining({ text: 'Please leave the building' })]);
      },
    ],
  ])('%s', async (_what, override, check) => {
    const posted = await t.api('POST', ROUTES.overrides, override);
    expect(posted).toEqual({ status: 201, json: { id: 1, revision: 1 } });
    const snap = Snapshot.parse((await t.api('GET', ROUTES.snapshot)).json);
    expect(snap.revision).toBe(1);
    expect(snap.overrides).toEqual([expect.objectContaining({ type: 'override', revision: 1, override })]);
    expect(snap.problems).toEqual([]);
    await check(snap.program, async (room, iso) => (await nowNext(room, iso)).json);
  });
});

describe('overrides: invalid input → 400 naming the field', () => {
  it.each<[string, unknown, string]>([
    ['no kind', { session: 't1-production' }, 'kind'],
    ['unknown kind', { kind: 'teleport' }, 'kind'],
    ['cancel with neither session nor talk', { kind: 'cancel' }, 'session'],
    ['cancel with both', { kind: 'cancel', session: 't1-production', talk: 't1-production-1' }, 'session'],
    ['cancel with a bad id', { kind: 'cancel', session: 'no spaces please' }, 'session'],
    ['cancel with a long note', { kind: 'cancel', session: 't1-production', note: 'x'.repeat(501) }, 'note'],
    ['delay without minutes', { kind: 'delay', session: 't1-production' }, 'minutes'],
    ['delay by half a minute', { kind: 'delay', session: 't1-production', minutes: 0.5 }, 'minutes'],
    ['delay by 0', { kind: 'delay', session: 't1-production', minutes: 0 }, 'minutes'],
    ['delay by a day', { kind: 'delay', session: 't1-production', minutes: 1440 }, 'minutes'],
    [
      'delay with cascade "yes"',
      { kind: 'delay', session: 't1-production', minutes: 5, cascade: 'yes' },
      'cascade',
    ],
    ['move without room', { kind: 'move', session: 't1-production' }, 'room'],
    ['move without session', { kind: 'move', room: 'winchester' }, 'session'],
    ['edit with nothing to change', { kind: 'edit', session: 't1-production' }, 'title'],
    ['edit with an empty title', { kind: 'edit', session: 't1-production', title: '  ' }, 'title'],
    [
      'edit with a nameless speaker',
      { kind: 'edit', talk: 't1-production-1', speakers: [{ name: '' }] },
      'speakers[0].name',
    ],
    ['now-speaking without talk', { kind: 'now-speaking', session: 't1-production' }, 'talk'],
    ['announce without text', { kind: 'announce' }, 'text'],
    ['announce to no rooms', { kind: 'announce', text: 'x', rooms: [] }, 'rooms'],
    ['announce with a bad from', { kind: 'announce', text: 'x', from: '10:30' }, 'from'],
    [
      'announce ending before it starts',
      { kind: 'announce', text: 'x', from: '2019-05-20T11:00:00-07:00', until: '2019-05-20T10:00:00-07:00' },
      'until',
    ],
    ['alert with empty text', { kind: 'alert', text: '' }, 'text'],
    ['alert with an extra field', { kind: 'alert', text: 'x', token: 'secret' }, 'token'],
    ['a list instead of an object', [1, 2], ''],
  ])('%s', async (_what, body, path) => {
    const { status, json } = await t.api('POST', ROUTES.overrides, body);
    expect(status).toBe(400);
    expect(json.problems.map((p: { path: string }) => p.path)).toContain(path);
    expect(json.error).toMatch(/not valid/);
    expect((await t.api('GET', ROUTES.health)).json.revision).toBe(0);
  });

  it('bad JSON → 400 saying so', async () => {
    const { status, json } = await t.api('POST', ROUTES.overrides, '{"kind": "alert",');
    expect(status).toBe(400);
    expect(json.error).toMatch(/^body is not valid JSON: /);
  });

  it('another content type → 415', async () => {
    const res = await fetch(t.host.url + ROUTES.overrides, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.host.token}`, 'content-type': 'text/plain' },
      body: '{"kind":"alert","text":"x"}',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toContain('application/json');
  });
});

describe('overrides: unknown names and clashes', () => {
  it.each<[OverrideInput, string]>([
    [{ kind: 'cancel', session: 'ghost-session' }, 'ghost-session'],
    [{ kind: 'cancel', talk: 'ghost-talk' }, 'ghost-talk'],
    [{ kind: 'move', session: 't1-production', room: 'attic' }, 'attic'],
    [{ kind: 'now-speaking', session: 't1-production', talk: 't2-pm1-1' }, 't2-pm1-1'],
  ])('%j → 404 naming %s', async (override, name) => {
    const { status, json } = await t.api('POST', ROUTES.overrides, override);
    expect(status).toBe(404);
    expect(json.error).toContain(name);
  });

  it('a move into an occupied room → 409 naming the clash, unless forced', async () => {
    const clash = await t.api('POST', ROUTES.overrides, {
      kind: 'move',
      session: 't2-deep-learning',
      room: 'winchester',
    });
    expect(clash.status).toBe(409);
    expect(clash.json.error).toContain('t1-production');
    const forced = await t.api('POST', ROUTES.overrides, {
      kind: 'move',
      session: 't2-deep-learning',
      room: 'winchester',
      force: true,
    });
    expect(forced.status).toBe(201);
  });
});

describe('auth', () => {
  const writes: [string, string, unknown][] = [
    ['POST', ROUTES.overrides, { kind: 'alert', text: 'x' }],
    ['POST', ROUTES.revert(1), undefined],
    ['POST', ROUTES.clock, { action: 'real' }],
    ['GET', ROUTES.screens, undefined],
  ];
  it.each(writes)('%s %s without a token → 401', async (method, path, body) => {
    const { status, json } = await t.api(method, path, body, null);
    expect(status).toBe(401);
    expect(json.error).toMatch(/admin token/);
  });
  it.each(writes)('%s %s with a wrong token → 401', async (method, path, body) => {
    expect((await t.api(method, path, body, 'x'.repeat(32))).status).toBe(401);
    expect((await t.api(method, path, body, `${t.host.token}x`)).status).toBe(401);
  });
  it('nothing was written by refused requests', async () => {
    await t.api('POST', ROUTES.overrides, { kind: 'alert', text: 'x' }, null);
    expect((await t.api('GET', ROUTES.health)).json.revision).toBe(0);
  });
});

describe('revert', () => {
  it('undoes an override, is logged, and cannot be done twice', async () => {
    await t.api('POST', ROUTES.overrides, { kind: 'alert', text: 'Fire drill' });
    const r = await t.api('POST', ROUTES.revert(1));
    expect(r).toEqual({ status: 201, json: { id: 1, revision: 2 } });
    const snap = Snapshot.parse((await t.api('GET', ROUTES.snapshot)).json);
    expect(snap.program.alerts).toEqual([]);
    expect(snap.overrides.at(-1)).toMatchObject({ type: 'revert', revision: 2, target: 1 });
    const again = await t.api('POST', ROUTES.revert(1));
    expect(again.status).toBe(409);
    expect(again.json.error).toContain('already reverted');
  });

  it.each([
    ['an unknown id', '7', 404],
    ['a revert entry', '2', 409],
    ['a clock entry', '3', 409],
    ['not a number', 'abc', 400],
  ])('of %s → %i', async (_what, id, status) => {
    await t.api('POST', ROUTES.overrides, { kind: 'alert', text: 'x' });
    await t.api('POST', ROUTES.revert(1));
    await t.api('POST', ROUTES.clock, { action: 'real' });
    expect((await t.api('POST', ROUTES.revert(id))).status).toBe(status);
  });
});

describe('revert into a clash', () => {
  // Move A to a free room, move B into A's old slot, undo the first move: a double booking.
  it.each<[string, unknown, number, RegExp | null]>([
    [
      'no body',
      undefined,
      409,
      /^Undoing revision 1 \(move of tut-pm1\) would put .* in the Winchester Room with .*\(t2-pm1, /,
    ],
    ['force: false: 409', { force: false }, 409, /send force: true to undo anyway/],
    ['force: true: 201, undone', { force: true }, 201, null],
    ['an unknown field: 400', { forse: true }, 400, /forse/],
  ])('%s', async (_, body, status, error) => {
    await t.api('POST', ROUTES.overrides, { kind: 'move', session: 'tut-pm1', room: 'magnolia' });
    expect(
      (await t.api('POST', ROUTES.overrides, { kind: 'move', session: 't2-pm1', room: 'winchester' })).status,
    ).toBe(201);
    const r = await t.api('POST', ROUTES.revert(1), body);
    expect(r.status).toBe(status);
    if (error) expect(r.json.error).toMatch(error);
    const snap = Snapshot.parse((await t.api('GET', ROUTES.snapshot)).json);
    expect(snap.revision).toBe(status === 201 ? 3 : 2);
  });
});

describe('clock', () => {
  it('set moves the host clock; every answer carries it', async () => {
    const r = await t.api('POST', ROUTES.clock, { action: 'set', at: '2019-05-20T13:45:00-07:00', rate: 0 });
    expect(r.status).toBe(200);
    expect(r.json.revision).toBe(1);
    expect(r.json.clock.now).toBe('2019-05-20T13:45:00-07:00');
    const snap = Snapshot.parse((await t.api('GET', ROUTES.snapshot)).json);
    expect(snap.clock.now).toBe('2019-05-20T13:45:00-07:00');
    expect(snap.overrides[0]).toMatchObject({ type: 'clock', clock: { mode: 'simulated', rate: 0 } });
    expect((await t.api('GET', `${ROUTES.nowNext}?room=stevens-creek`)).json.current.id).toBe('t2-pm1');
  });

  it.each([
    [{ action: 'warp' }, 'action'],
    [{ action: 'set' }, 'at'],
    [{ action: 'rate', rate: -1 }, 'rate'],
    [{ action: 'set', at: '2019-05-20T13:45:00-07:00', rate: 1e9 }, 'rate'],
  ])('%j → 400 naming %s', async (body, path) => {
    const { status, json } = await t.api('POST', ROUTES.clock, body);
    expect(status).toBe(400);
    expect(json.problems.map((p: { path: string }) => p.path)).toContain(path);
  });

  it('back to real time', async () => {
    const { json } = await t.api('POST', ROUTES.clock, { action: 'real' });
    expect(json.clock.state).toEqual({ mode: 'real' });
    expect(Math.abs(Date.parse(json.clock.now) - json.clock.hostReal)).toBeLessThan(1000);
  });
});

describe('screens', () => {
  it('heartbeats need no token; the list needs it', async () => {
    const beat = { screen: 'winchester-1', page: 'room', room: 'winchester', revision: 0 };
    expect(await t.api('POST', ROUTES.heartbeat, beat, null)).toEqual({
      status: 200,
      json: { ok: true, revision: 0 },
    });
    const { status, json } = await t.api('GET', ROUTES.screens);
    expect(status).toBe(200);
    expect(json).toEqual([expect.objectContaining({ ...beat, stale: false })]);
    expect(typeof json[0].lastSeen).toBe('number');
  });

  it.each([
    [{ page: 'room', revision: 0 }, 'screen'],
    [{ screen: 's', page: 'kitchen', revision: 0 }, 'page'],
    [{ screen: 's', page: 'room', revision: -1 }, 'revision'],
    [{ screen: 's', page: 'room', revision: 0, token: 'leak' }, 'token'],
  ])('a bad heartbeat %j → 400 naming %s, nothing stored or echoed', async (body, path) => {
    const { status, json } = await t.api('POST', ROUTES.heartbeat, body, null);
    expect(status).toBe(400);
    expect(json.problems.map((p: { path: string }) => p.path)).toContain(path);
    expect(JSON.stringify(json)).not.toContain('leak');
    expect((await t.api('GET', ROUTES.screens)).json).toEqual([]);
  });
});

describe('restart', () => {
  it('keeps the whole log and its revision numbers', async () => {
    await t.api('POST', ROUTES.overrides, { kind: 'delay', session: 't1-production', minutes: 10 });
    await t.api('POST', ROUTES.overrides, { kind: 'alert', text: 'x' });
    await t.api('POST', ROUTES.revert(2));
    await t.api('POST', ROUTES.clock, { action: 'pause' });
    const before = Snapshot.parse((await t.api('GET', ROUTES.snapshot)).json);
    const token = t.host.token;
    await t.restart();
    expect(t.host.token).toBe(token);
    const after = Snapshot.parse((await t.api('GET', ROUTES.snapshot)).json);
    expect(after.revision).toBe(4);
    expect(after.overrides).toEqual(before.overrides);
    expect(after.program).toEqual(before.program);
    expect((await t.api('POST', ROUTES.overrides, { kind: 'alert', text: 'y' })).json).toEqual({
      id: 5,
      revision: 5,
    });
  });

  it('an invalid program rejects with its problems and leaves the log alone', async () => {
    await t.api('POST', ROUTES.overrides, { kind: 'alert', text: 'x' });
    await expect(t.restart({ programPath: `${t.dataDir}/missing.json` })).rejects.toThrow(/missing\.json/);
    await t.restart();
    expect((await t.api('GET', ROUTES.health)).json.revision).toBe(1);
  });
});
