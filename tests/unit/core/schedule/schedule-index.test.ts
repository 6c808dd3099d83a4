import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asEffective } from '../../../../core/overrides/apply.js';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../../../core/import/index.js';
import type { Program, Session } from '../../../../core/program/schema.js';
import { nowNext } from '../../../../core/schedule/now-next.js';
import {
  findRoom,
  isLive,
  movedAwayFrom,
  sessionDay,
  withTimes,
} from '../../../../core/schedule/sessions.js';
import type { NowNext, RoomState, SessionNow } from '../../../../core/schedule/types.js';
import { isoInVenue, ms, venueDay } from '../../../../core/time/venue.js';
import { t } from '../fixtures.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const xml = readFileSync(
  path.resolve(repoRoot, '..', 'shared', 'fixtures', 'schedules', '35c3-everything.schedule.xml'),
  'utf8',
);

/** Sessions by start, program order breaking ties. */
function byStart(sessions: readonly Session[]): Session[] {
  return sessions
    .map((s, i) => ({ s, i, t: ms(s.start) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.s);
}

const isOn = (s: Session, at: number) => ms(s.start) <= at && at < ms(s.end);

function programSpan(program: Program): { first: number; last: number } | null {
  if (program.sessions.length === 0) return null;
  const starts = program.sessions.map((s) => ms(s.start));
  const ends = program.sessions.map((s) => ms(s.end));
  return { first: Math.min(...starts), last: Math.max(...ends) };
}

/** nowNext as it was before the index: every question filters all sessions, parsing their times. */
function slowNowNext(program: Program, sorted: Session[], roomId: string, at: number): NowNext {
  const room = findRoom(program, roomId);
  const here = sorted.filter((s) => s.room === room.id || movedAwayFrom(s, room.id));
  const own = (s: Session) => s.room === room.id;
  const onNow = here.filter((s) => isOn(s, at));
  const current = onNow.find((s) => own(s) && isLive(s)) ?? onNow.find(own) ?? onNow[0] ?? null;
  // On now but lost to `current` (an overrun, a double booking) comes first, then what starts later.
  // Only own, live sessions come next; the others printed here until then are `changed`.
  const upcoming = [
    ...onNow.filter((s) => ms(s.start) < at),
    ...here.filter((s) => ms(s.start) >= at),
  ].filter((s) => s !== current && own(s) && isLive(s));
  const next = upcoming[0] ?? null;
  const nextDay = next ? sessionDay(program, next) : null;
  const later = upcoming.slice(1).filter((s) => sessionDay(program, s) === nextDay);
  const today = venueDay(program, at);
  const until = next ? ms(next.start) : Infinity;
  const changed = [
    ...onNow.filter((s) => s !== current && !own(s)),
    ...here.filter(
      (s) =>
        ms(s.start) >= at &&
        ms(s.start) <= until &&
        !(own(s) && isLive(s)) &&
        (sessionDay(program, s) === today || sessionDay(program, s) === nextDay),
    ),
  ];
  const everyone = sorted.filter((s) => s.audience === 'everyone');
  const venueOn = everyone.filter((s) => isOn(s, at));
  const venueCurrent = venueOn.find(isLive) ?? venueOn[0] ?? null;
  const venueNext =
    venueOn.find((s) => s !== venueCurrent) ??
    everyone.find((s) => s !== venueCurrent && ms(s.start) >= at) ??
    null;
  const view = (s: Session | null): SessionNow | null =>
    s ? withTimes(s, at, movedAwayFrom(s, room.id) ? (s.room ?? undefined) : undefined) : null;
  const span = programSpan(program);
  let state: RoomState;
  if (!span || at < span.first) state = 'before-event';
  else if (at >= span.last) state = 'after-event';
  else if (current && own(current) && isLive(current)) state = 'in-session';
  else {
    const today = venueDay(program, at);
    const more = upcoming.some((s) => own(s) && isLive(s) && sessionDay(program, s) === today);
    state = more ? 'between-sessions' : 'done-for-today';
  }
  return {
    room,
    at: isoInVenue(program, at),
    state,
    current: view(current),
    next: view(next),
    later: later.map((s) => view(s)!),
    changed: changed.map((s) => view(s)!),
    venue: { current: view(venueCurrent), next: view(venueNext) },
  };
}

/** Instants that matter: every few session starts and ends (and a millisecond either side), plus a grid. */
function instants(program: Program): number[] {
  const out = new Set<number>();
  program.sessions.forEach((s, i) => {
    if (i % 61 !== 0) return;
    for (const edge of [ms(s.start), ms(s.end)]) for (const d of [-1, 0]) out.add(edge + d);
  });
  const span = programSpan(program)!;
  for (let at = span.first - 3_600_000; at <= span.last + 3_600_000; at += 293 * 60_000) out.add(at);
  out.add(span.first + 0.5); // a simulated clock running at a rate gives fractional instants
  return [...out].sort((a, b) => a - b);
}

function checkAgainstSlowPath(program: Program) {
  const sorted = byStart(program.sessions);
  let compared = 0;
  for (const at of instants(program))
    for (const room of program.rooms) {
      // Whole answers as JSON (key order included): toEqual on 20,000 answers takes too long.
      const fast = JSON.stringify(nowNext(program, room.id, at));
      const slow = JSON.stringify(slowNowNext(program, sorted, room.id, at));
      if (fast !== slow) expect(fast, `${room.id} at ${isoInVenue(program, at)}`).toBe(slow);
      compared++;
    }
  return compared;
}

describe('nowNext through the index, against the slow path', () => {
  const r = importSchedule(xml);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const program = asEffective(r.program);

  it('35C3 (75 rooms, 927 sessions, double-booked rooms): the same answer for every room at many instants', () => {
    expect(program.rooms.length).toBe(75);
    expect(checkAgainstSlowPath(program)).toBeGreaterThan(2_000);
  });

  it('35C3 with sessions moved, cancelled and made venue-wide: still the same', () => {
    const changed = structuredClone(program);
    const rooms = changed.rooms.map((r) => r.id);
    changed.sessions.forEach((s, i) => {
      if (i % 7 === 0 && s.room !== null) {
        s.original = { start: s.start, end: s.end, room: s.room };
        s.room = rooms[(rooms.indexOf(s.room) + 1) % rooms.length]!;
      }
      if (i % 11 === 0) s.cancelled = { note: 'test' };
      if (i % 13 === 0) s.audience = 'everyone';
      if (i % 17 === 0 && s.original) s.room = null;
    });
    expect(checkAgainstSlowPath(changed)).toBeGreaterThan(2_000);
  });

  it('a program changed in place is re-indexed by the next instant asked about', () => {
    const changed = structuredClone(program);
    const s = changed.sessions.find((x) => x.room !== null)!;
    const other = changed.rooms.find((r) => r.id !== s.room)!.id;
    const during = ms(s.start) + 60_000;
    expect(nowNext(changed, other, during).current?.id).not.toBe(s.id);
    s.room = other;
    expect(nowNext(changed, other, during + 1).current?.id).toBe(s.id);
  });

  it('finds a room by name as before', () => {
    const room = program.rooms[3]!;
    const at = t('2018-12-28T14:00:00+01:00');
    expect(nowNext(program, room.name.toUpperCase(), at)).toEqual(nowNext(program, room.id, at));
  });
});
