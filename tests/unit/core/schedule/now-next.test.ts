import { describe, expect, it } from 'vitest';
import { nowNext, UnknownRoomError } from '../../../../core/schedule/now-next.js';
import type { NowNext } from '../../../../core/schedule/types.js';
import { applyOverrides } from '../../../../core/overrides/apply.js';
import type { OverrideInput } from '../../../../core/overrides/schema.js';
import type { Program } from '../../../../core/program/schema.js';
import { opml19, t, twoDays } from '../fixtures.js';

const program = opml19();
const id = (s: { id: string } | null) => s?.id ?? null;
const brief = (n: NowNext) => ({
  state: n.state,
  current: id(n.current),
  next: id(n.next),
  later: n.later.map((s) => s.id),
  venueCurrent: id(n.venue.current),
  venueNext: id(n.venue.next),
});

describe('nowNext on OpML 19', () => {
  it('Stevens Creek Room at 13:45: the Heterogeneity session, then Measuring and Diagnosing', () => {
    const n = nowNext(program, 'stevens-creek', t('2019-05-20T13:45:00-07:00'));
    expect(n.state).toBe('in-session');
    expect(n.current?.title).toBe('Handling Heterogeneity, Distribution, and Scale');
    expect(n.current?.chairs[0]?.name).toBe('Swaminathan Sundararaman');
    expect(n.next?.title).toBe('Measuring and Diagnosing Production ML');
    expect(n.at).toBe('2019-05-20T13:45:00-07:00');
    expect(n.room.name).toBe('Stevens Creek Room');
  });

  it('Winchester Room at 10:10: between sessions, the break on, Production Experiences next at 10:30', () => {
    const n = nowNext(program, 'winchester', t('2019-05-20T10:10:00-07:00'));
    expect(n.state).toBe('between-sessions');
    expect(n.current).toBeNull();
    expect(n.venue.current?.id).toBe('break-am');
    expect(n.venue.current?.kind).toBe('break');
    expect(n.next?.title).toBe('Production Experiences and Learnings');
    expect(n.next?.start).toBe('2019-05-20T10:30:00-07:00');
  });

  const winchesterDay = ['tut-pm1', 'tut-pm2', 'tut-pm3'];
  it.each<[string, string, string, ReturnType<typeof brief>]>([
    [
      'the day before',
      'winchester',
      '2019-05-19T12:00:00-07:00',
      {
        state: 'before-event',
        current: null,
        next: 't1-production',
        later: winchesterDay,
        venueCurrent: null,
        venueNext: 'breakfast',
      },
    ],
    [
      'before the day starts',
      'winchester',
      '2019-05-20T07:59:59-07:00',
      {
        state: 'before-event',
        current: null,
        next: 't1-production',
        later: winchesterDay,
        venueCurrent: null,
        venueNext: 'breakfast',
      },
    ],
    [
      'breakfast, venue-wide',
      'winchester',
      '2019-05-20T08:00:00-07:00',
      {
        state: 'between-sessions',
        current: null,
        next: 't1-production',
        later: winchesterDay,
        venueCurrent: 'breakfast',
        venueNext: 'opening',
      },
    ],
    [
      "the keynote is its room's session and everyone's",
      'santa-clara-ballroom',
      '2019-05-20T09:30:00-07:00',
      {
        state: 'in-session',
        current: 'keynote',
        next: null,
        later: [],
        venueCurrent: 'keynote',
        venueNext: 'break-am',
      },
    ],
    [
      'the ballroom after its only session',
      'santa-clara-ballroom',
      '2019-05-20T10:00:00-07:00',
      {
        state: 'done-for-today',
        current: null,
        next: null,
        later: [],
        venueCurrent: 'break-am',
        venueNext: 'lunch',
      },
    ],
    [
      'start is inclusive',
      'winchester',
      '2019-05-20T10:30:00-07:00',
      {
        state: 'in-session',
        current: 't1-production',
        next: 'tut-pm1',
        later: ['tut-pm2', 'tut-pm3'],
        venueCurrent: null,
        venueNext: 'lunch',
      },
    ],
    [
      'a second before the start',
      'winchester',
      '2019-05-20T10:29:59-07:00',
      {
        state: 'between-sessions',
        current: null,
        next: 't1-production',
        later: winchesterDay,
        venueCurrent: 'break-am',
        venueNext: 'lunch',
      },
    ],
    [
      'end is exclusive',
      'winchester',
      '2019-05-20T12:30:00-07:00',
      {
        state: 'between-sessions',
        current: null,
        next: 'tut-pm1',
        later: ['tut-pm2', 'tut-pm3'],
        venueCurrent: 'lunch',
        venueNext: 'break-pm',
      },
    ],
    [
      'lunch in the Magnolia Room shows on the Winchester screen',
      'winchester',
      '2019-05-20T13:00:00-07:00',
      {
        state: 'between-sessions',
        current: null,
        next: 'tut-pm1',
        later: ['tut-pm2', 'tut-pm3'],
        venueCurrent: 'lunch',
        venueNext: 'break-pm',
      },
    ],
    [
      'back to back: the boundary belongs to the second',
      'stevens-creek',
      '2019-05-20T14:30:00-07:00',
      {
        state: 'in-session',
        current: 't2-pm2',
        next: 't2-pm3',
        later: [],
        venueCurrent: null,
        venueNext: 'break-pm',
      },
    ],
    [
      'the afternoon break',
      'stevens-creek',
      '2019-05-20T15:45:00-07:00',
      {
        state: 'between-sessions',
        current: null,
        next: 't2-pm3',
        later: [],
        venueCurrent: 'break-pm',
        venueNext: 'posters',
      },
    ],
    [
      'the last session of a room',
      'winchester',
      '2019-05-20T17:59:59-07:00',
      {
        state: 'in-session',
        current: 'tut-pm3',
        next: null,
        later: [],
        venueCurrent: null,
        venueNext: 'posters',
      },
    ],
    [
      'the poster session: rooms done, event goes on',
      'winchester',
      '2019-05-20T18:30:00-07:00',
      {
        state: 'done-for-today',
        current: null,
        next: null,
        later: [],
        venueCurrent: 'posters',
        venueNext: null,
      },
    ],
    [
      'after the last session',
      'winchester',
      '2019-05-20T19:00:00-07:00',
      { state: 'after-event', current: null, next: null, later: [], venueCurrent: null, venueNext: null },
    ],
    [
      'the day after',
      'stevens-creek',
      '2019-05-21T10:30:00-07:00',
      { state: 'after-event', current: null, next: null, later: [], venueCurrent: null, venueNext: null },
    ],
  ])('%s (%s at %s)', (_name, room, at, expected) => {
    expect(brief(nowNext(program, room, t(at)))).toEqual(expected);
  });

  it.each([
    ['2019-05-20T13:45:00-07:00', '2019-05-20T20:45:00Z'],
    ['2019-05-20T10:10:00-07:00', '2019-05-21T02:10:00+09:00'],
    ['2019-05-20T07:00:00-07:00', '2019-05-20T14:00:00Z'],
    ['2019-05-20T18:59:59-07:00', '2019-05-21T01:59:59Z'],
  ])('%s and %s are the same instant and give the same answer', (venue, other) => {
    for (const room of program.rooms) {
      expect(nowNext(program, room.id, t(other))).toEqual(nowNext(program, room.id, t(venue)));
    }
    expect(nowNext(program, 'winchester', t(other)).at).toBe(venue);
  });

  it.each([['Winchester Room'], ['winchester room'], ['  WINCHESTER ROOM ']])(
    'finds the room by name: %s',
    (name) => {
      expect(nowNext(program, name, t('2019-05-20T10:10:00-07:00')).room.id).toBe('winchester');
    },
  );

  it('an unknown room throws, listing the rooms', () => {
    const call = () => nowNext(program, 'ballroom', t('2019-05-20T10:10:00-07:00'));
    expect(call).toThrow(UnknownRoomError);
    expect(call).toThrow(
      /Unknown room "ballroom"\. Rooms: santa-clara-ballroom \(Santa Clara Ballroom\), winchester/,
    );
  });

  it('a block carries its talks in order and the estimated talk on now', () => {
    const n = nowNext(program, 'stevens-creek', t('2019-05-20T13:45:00-07:00'));
    expect(n.current?.talkTimes.map((x) => x.talk)).toEqual(['t2-pm1-1', 't2-pm1-2', 't2-pm1-3']);
    expect(n.current?.onNow).toMatchObject({
      talk: 't2-pm1-1',
      estimated: true,
      start: '2019-05-20T13:30:00-07:00',
      end: '2019-05-20T13:50:00-07:00',
    });
    expect(nowNext(program, 'stevens-creek', t('2019-05-20T13:50:00-07:00')).current?.onNow?.talk).toBe(
      't2-pm1-2',
    );
  });
});

describe('nowNext after a delay without cascade, when a session runs into the next one', () => {
  const delayed = (o: OverrideInput) =>
    applyOverrides(program, [{ type: 'override', revision: 1, at: '2019-05-20T08:00:00-07:00', override: o }])
      .program;
  const panel = delayed({ kind: 'delay', session: 't1-pm1', minutes: 10 });
  const breakfast = delayed({ kind: 'delay', session: 'breakfast', minutes: 15 });

  it.each<[string, ReturnType<typeof opml19>, string, string, Partial<ReturnType<typeof brief>>]>([
    [
      'the overrun panel, the next one still next',
      panel,
      'lawrence-san-tomas-lafayette',
      '2019-05-20T14:35:00-07:00',
      { current: 't1-pm1', next: 't1-pm2' },
    ],
    [
      'the panel over, the next one on',
      panel,
      'lawrence-san-tomas-lafayette',
      '2019-05-20T14:40:00-07:00',
      { current: 't1-pm2', next: 't1-pm3' },
    ],
    [
      'breakfast running late, the opening remarks still next for everyone',
      breakfast,
      'winchester',
      '2019-05-20T09:05:00-07:00',
      { venueCurrent: 'breakfast', venueNext: 'opening' },
    ],
  ])('%s', (_, p, room, at, want) => {
    expect(brief(nowNext(p, room, t(at)))).toMatchObject(want);
  });
});

describe('nowNext over several days', () => {
  const mini = twoDays();
  it.each<[string, string, string, ReturnType<typeof brief>]>([
    [
      'day 1 morning, later stays on day 1',
      'a',
      '2024-06-10T09:45:00+02:00',
      {
        state: 'between-sessions',
        current: null,
        next: 'd1-a1',
        later: ['d1-a2', 'd1-a3'],
        venueCurrent: null,
        venueNext: 'd1-break',
      },
    ],
    [
      'day 1 evening: done for today, next is tomorrow with its own day',
      'a',
      '2024-06-10T15:00:00+02:00',
      {
        state: 'done-for-today',
        current: null,
        next: 'd2-a1',
        later: [],
        venueCurrent: null,
        venueNext: 'd1-party',
      },
    ],
    [
      'the party runs past midnight: still day 1',
      'c',
      '2024-06-11T00:30:00+02:00',
      {
        state: 'in-session',
        current: 'd1-party',
        next: null,
        later: [],
        venueCurrent: 'd1-party',
        venueNext: null,
      },
    ],
    [
      'day 2 before its first session',
      'b',
      '2024-06-11T08:00:00+02:00',
      {
        state: 'between-sessions',
        current: null,
        next: 'd2-b1',
        later: [],
        venueCurrent: null,
        venueNext: null,
      },
    ],
    [
      "another room's session that everyone is invited to",
      'b',
      '2024-06-10T09:10:00+02:00',
      {
        state: 'between-sessions',
        current: null,
        next: 'd1-b1',
        later: [],
        venueCurrent: 'd1-open',
        venueNext: 'd1-break',
      },
    ],
  ])('%s (%s at %s)', (_name, room, at, expected) => {
    expect(brief(nowNext(mini, room, t(at)))).toEqual(expected);
  });
});

describe('nowNext after the changes of a conference day: only what really happens here is current or next', () => {
  const after = (...os: OverrideInput[]) =>
    applyOverrides(
      program,
      os.map((override, i) => ({
        type: 'override' as const,
        revision: i + 1,
        at: '2019-05-20T08:00:00-07:00',
        override,
      })),
    ).program;
  const L = 'lawrence-san-tomas-lafayette';
  // The 13:30 swap of two rooms: the tutorial to Lawrence (forced: the panel is still there), the panel in.
  const swap = after(
    { kind: 'move', session: 'tut-pm1', room: L, force: true },
    { kind: 'move', session: 't1-pm1', room: 'winchester' },
  );
  const cancelled = after({ kind: 'cancel', session: 'tut-pm1', note: 'speaker ill' });
  // Cancelled, and the next tutorial pulled forward into its slot.
  const pulled = after(
    { kind: 'cancel', session: 'tut-pm1' },
    { kind: 'delay', session: 'tut-pm2', minutes: -60 },
  );
  const movedAway = after({ kind: 'move', session: 'tut-pm1', room: 'magnolia' });
  const movedIn = after({ kind: 'move', session: 't2-pm1', room: 'magnolia' });
  const changedIds = (n: NowNext) => n.changed.map((s) => s.id);

  it.each<[string, Program, string, string, Partial<ReturnType<typeof brief>>, string[]]>([
    [
      'swap, Winchester at 13:45: the panel on, the 14:30 tutorial next',
      swap,
      'winchester',
      '2019-05-20T13:45:00-07:00',
      { state: 'in-session', current: 't1-pm1', next: 'tut-pm2', later: ['tut-pm3'] },
      ['tut-pm1'],
    ],
    [
      'swap, Winchester at 12:30: the panel next, the tutorial said moved',
      swap,
      'winchester',
      '2019-05-20T12:30:00-07:00',
      { state: 'between-sessions', current: null, next: 't1-pm1', later: ['tut-pm2', 'tut-pm3'] },
      ['tut-pm1'],
    ],
    [
      'swap, Lawrence at 13:45: the tutorial on, its own 14:30 panel next',
      swap,
      L,
      '2019-05-20T13:45:00-07:00',
      { state: 'in-session', current: 'tut-pm1', next: 't1-pm2', later: ['t1-pm3'] },
      ['t1-pm1'],
    ],
    [
      'cancel, Winchester during lunch: the 14:30 tutorial next',
      cancelled,
      'winchester',
      '2019-05-20T12:30:00-07:00',
      { state: 'between-sessions', current: null, next: 'tut-pm2', later: ['tut-pm3'] },
      ['tut-pm1'],
    ],
    [
      'cancel, Winchester at 13:45: the cancelled one is no session on, the 14:30 one next',
      cancelled,
      'winchester',
      '2019-05-20T13:45:00-07:00',
      { state: 'between-sessions', current: 'tut-pm1', next: 'tut-pm2', later: ['tut-pm3'] },
      [],
    ],
    [
      'cancel + early pull, Winchester during lunch: the pulled tutorial next at 13:30',
      pulled,
      'winchester',
      '2019-05-20T12:30:00-07:00',
      { state: 'between-sessions', current: null, next: 'tut-pm2', later: ['tut-pm3'] },
      ['tut-pm1'],
    ],
    [
      'moved away, Winchester during lunch: the 14:30 tutorial next',
      movedAway,
      'winchester',
      '2019-05-20T12:30:00-07:00',
      { state: 'between-sessions', current: null, next: 'tut-pm2', later: ['tut-pm3'] },
      ['tut-pm1'],
    ],
    [
      'moved away, Winchester at 13:45: nothing on here, the 14:30 tutorial next',
      movedAway,
      'winchester',
      '2019-05-20T13:45:00-07:00',
      { state: 'between-sessions', current: 'tut-pm1', next: 'tut-pm2', later: ['tut-pm3'] },
      [],
    ],
    [
      'moved in, Magnolia after lunch: the session moved here next',
      movedIn,
      'magnolia',
      '2019-05-20T13:00:00-07:00',
      { state: 'in-session', current: 'lunch', next: 't2-pm1', later: [] },
      [],
    ],
    [
      'moved in, Stevens Creek at 13:00: the 14:30 session next, the moved one said moved',
      movedIn,
      'stevens-creek',
      '2019-05-20T13:00:00-07:00',
      { state: 'between-sessions', current: null, next: 't2-pm2', later: ['t2-pm3'] },
      ['t2-pm1'],
    ],
  ])('%s', (_, p, room, at, want, changed) => {
    const n = nowNext(p, room, t(at));
    expect(brief(n)).toMatchObject(want);
    expect(changedIds(n)).toEqual(changed);
  });
});
