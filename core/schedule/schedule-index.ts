import type { Program, Room, Session } from '../program/schema.js';
import { isoInVenue, ms, venueDay } from '../time/venue.js';
import { sessionDay } from './sessions.js';

/**
 * A session with its instants parsed and its conference day worked out once, so the screens'
 * questions (asked for every room, every tick) need no Date.parse and no sort.
 */
export interface IndexedSession {
  s: Session;
  start: number;
  end: number;
  day: string;
}

/** Sessions ordered by start (program order breaking ties) and the longest among them. */
export interface Timeline {
  items: IndexedSession[];
  /** Longest duration (ms) in `items`: how far back an item on now can have started. */
  longest: number;
}

export interface ScheduleIndex {
  /** What the index was built from, to notice a program changed in place (see `scheduleIndex`). */
  source: { sessions: Session[]; fields: unknown[] };
  sorted: IndexedSession[];
  /** Per room id: its own sessions and those moved away from it (the screen says where they went). */
  rooms: Map<string, Timeline>;
  /** What everyone is invited to, wherever it is held. */
  everyone: Timeline;
  /** First start and last end of the whole program (ms), or null without sessions. */
  span: { first: number; last: number } | null;
  /** Conference days with sessions, ascending. */
  days: string[];
  roomById: Map<string, Room>;
  /** The last instant asked about, in venue terms: a board asks the same instant for every room. */
  last: { at: number; iso: string; day: string } | null;
}

const EMPTY: Timeline = { items: [], longest: 0 };

// Programs are meant as values (applyOverrides returns a new one), so the index is kept per program
// object. A screen holding its program in reactive state could still change a session in place:
// the first question about a new instant checks the fields the index depends on (a few µs for
// 927 sessions), so a changed program is re-indexed by the next tick at the latest.
const cache = new WeakMap<Program, ScheduleIndex>();

/** The index of `program`, built on first use and kept as long as the program object lives. */
export function scheduleIndex(program: Program, at: number): ScheduleIndex {
  let index = cache.get(program);
  if (index && index.last?.at !== at && !sameSource(index, program)) index = undefined;
  if (!index) {
    index = build(program);
    cache.set(program, index);
  }
  return index;
}

/** The session fields the index is built on, flat, in program order. */
function fieldsOf(sessions: readonly Session[]): unknown[] {
  const out: unknown[] = [];
  for (const s of sessions) out.push(s, s.start, s.end, s.room, s.original?.room, s.audience);
  return out;
}

function sameSource(index: ScheduleIndex, program: Program): boolean {
  const { sessions, fields } = index.source;
  if (program.sessions !== sessions || sessions.length * 6 !== fields.length) return false;
  let i = 0;
  for (const s of sessions)
    if (
      fields[i++] !== s ||
      fields[i++] !== s.start ||
      fields[i++] !== s.end ||
      fields[i++] !== s.room ||
      fields[i++] !== s.original?.room ||
      fields[i++] !== s.audience
    )
      return false;
  return true;
}

function build(program: Program): ScheduleIndex {
  const sorted = program.sessions
    .map((s, i) => ({ s, i, start: ms(s.start), end: ms(s.end) }))
    .sort((a, b) => a.start - b.start || a.i - b.i)
    .map(({ s, start, end }) => ({ s, start, end, day: sessionDay(program, s) }));

  const rooms = new Map<string, IndexedSession[]>();
  const add = (room: string, x: IndexedSession) => {
    const list = rooms.get(room);
    if (list) list.push(x);
    else rooms.set(room, [x]);
  };
  let first = Infinity;
  let last = -Infinity;
  for (const x of sorted) {
    if (x.s.room !== null) add(x.s.room, x);
    const from = x.s.original?.room;
    if (from != null && from !== x.s.room) add(from, x);
    first = Math.min(first, x.start);
    last = Math.max(last, x.end);
  }

  return {
    source: { sessions: program.sessions, fields: fieldsOf(program.sessions) },
    sorted,
    rooms: new Map([...rooms].map(([id, items]) => [id, timeline(items)])),
    everyone: timeline(sorted.filter((x) => x.s.audience === 'everyone')),
    span: sorted.length ? { first, last } : null,
    days: [...new Set(sorted.map((x) => x.day))].sort(),
    roomById: new Map(program.rooms.map((r) => [r.id, r])),
    last: null,
  };
}

/** `at` in venue time (ISO with offset) and its conference day, worked out once per instant. */
export function venueInstant(
  program: Program,
  index: ScheduleIndex,
  at: number,
): { iso: string; day: string } {
  if (index.last?.at !== at) index.last = { at, iso: isoInVenue(program, at), day: venueDay(program, at) };
  return index.last;
}

function timeline(items: IndexedSession[]): Timeline {
  let longest = 0;
  for (const x of items) if (x.end - x.start > longest) longest = x.end - x.start;
  return { items, longest };
}

export function roomTimeline(index: ScheduleIndex, roomId: string): Timeline {
  return index.rooms.get(roomId) ?? EMPTY;
}

/** Index of the first item whose start is past `t` (after it, or at it too when `inclusive`). */
function bound(items: readonly IndexedSession[], t: number, inclusive: boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = items[mid]!.start;
    if (start < t || (!inclusive && start === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items on at `at` (start ≤ at < end), in timeline order. */
export function onAt(line: Timeline, at: number): IndexedSession[] {
  const end = bound(line.items, at, false);
  const out: IndexedSession[] = [];
  // Whatever started `longest` or more before `at` has ended by then.
  for (let i = bound(line.items, at - line.longest, false); i < end; i++) {
    const x = line.items[i]!;
    if (x.end > at) out.push(x);
  }
  return out;
}

/** Index of the first item starting at or after `at`. */
export function firstFrom(line: Timeline, at: number): number {
  return bound(line.items, at, true);
}
