import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, Snapshot } from '../../../../../core/protocol/index.js';
import { type TestHost, testHost } from '../helpers.js';

describe('GET /api/lobby window', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await testHost();
  });
  afterAll(() => t.close());

  it.each([
    ['a window of one day', 'from=2019-05-20T08:00:00-07:00&until=2019-05-21T08:00:00-07:00', 200, null],
    [
      'from years before at',
      'at=2019-05-20T10:00:00-07:00&from=2014-01-01T00:00:00Z',
      400,
      { path: 'from', message: 'must be within 7 days of at' },
    ],
    [
      'until years after the host clock',
      'until=9999-01-01T00:00:00Z',
      400,
      { path: 'until', message: 'must be within 7 days of at' },
    ],
  ])('%s', async (_, query, status, problem) => {
    const res = await t.api('GET', `${ROUTES.lobby}?${query}`);
    expect(res.status).toBe(status);
    if (problem) expect(res.json.problems).toEqual([problem]);
    else expect(res.json.rows.length).toBe(48);
  });

  it('keeps the store (which holds the admin token) readable by its owner only', () => {
    expect(statSync(join(t.dataDir, 'config.json')).mode & 0o777).toBe(0o600);
  });
});

describe('GET /api/day', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await testHost();
  });
  afterAll(() => t.close());

  it('serves a snapshot of the day on screen only (one-day program here), marked partial', async () => {
    const full = (await t.api('GET', ROUTES.snapshot)).json as Snapshot;
    const res = await t.api('GET', `${ROUTES.day}?at=${encodeURIComponent('2019-05-20T10:00:00-07:00')}`);
    expect(res.status).toBe(200);
    const day = Snapshot.parse(res.json);
    expect(day.partial?.from.slice(0, 10)).toBe('2019-05-20');
    expect(day.overrides).toEqual([]);
    expect(day.revision).toBe(full.revision);
    expect(day.journal).toBe(full.journal);
    expect(day.program.sessions.length).toBeGreaterThan(0);
    for (const s of day.program.sessions) expect(s.start.slice(0, 10)).toBe('2019-05-20');
  });

  it('answers the same day cut to every board until a change, then the changed one', async () => {
    const at = `at=${encodeURIComponent('2019-05-20T10:00:00-07:00')}`;
    const first = Snapshot.parse((await t.api('GET', `${ROUTES.day}?${at}`)).json);
    const again = Snapshot.parse((await t.api('GET', `${ROUTES.day}?${at}`)).json);
    // the clock is read at each answer
    expect({ ...again, clock: null }).toEqual({ ...first, clock: null });
    expect(first.program.sessions.every((s) => s.abstract === undefined && s.speakers.length === 0)).toBe(
      true,
    );
    const posted = await t.api('POST', ROUTES.overrides, { kind: 'cancel', session: 't1-production' });
    expect(posted.status).toBe(201);
    const changed = Snapshot.parse((await t.api('GET', `${ROUTES.day}?${at}`)).json);
    expect(changed.revision).toBe(first.revision + 1);
    expect(changed.program.sessions.find((s) => s.id === 't1-production')?.cancelled).toBeDefined();
    expect(first.program.sessions.find((s) => s.id === 't1-production')?.cancelled).toBeUndefined();
  });

  it('with ?room=, a room screen’s payload: its room whole, the others without abstracts, a renew time', async () => {
    const full = (await t.api('GET', ROUTES.snapshot)).json as Snapshot;
    const room = 'winchester';
    const res = await t.api('GET', `${ROUTES.day}?room=${room}&at=2019-05-20T10:00:00-07:00`);
    const day = Snapshot.parse(res.json);
    expect(day.partial).toEqual({
      from: expect.stringMatching(/^2019-05-20T0\d:[03]0:00-07:00$/),
      until: '2019-05-21T12:00:00-07:00',
      room,
      renew: '2019-05-21T04:00:00-07:00',
    });
    // this room's and the venue-wide sessions of the day, the others' on at 10:00 or later
    const at = Date.parse('2019-05-20T10:00:00-07:00');
    expect(day.program.sessions.map((s) => s.id)).toEqual(
      full.program.sessions
        .filter((s) => s.room === room || s.room === null || Date.parse(s.end) > at)
        .map((s) => s.id),
    );
    for (const s of day.program.sessions)
      if (s.room !== room && s.room !== null)
        expect(s.talks.every((x) => x.abstract === undefined)).toBe(true);
  });

  it.each([
    ['an unknown room', 'room=nowhere', 404, 'room'],
    ['a bad instant', 'at=tuesday', 400, 'at'],
  ])('refuses %s, naming the parameter', async (_, query, status, path) => {
    const res = await t.api('GET', `${ROUTES.day}?${query}`);
    expect(res.status).toBe(status);
    expect(res.json.problems[0].path).toBe(path);
  });
});
