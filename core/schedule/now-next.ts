import type { Program, Session } from '../program/schema.js';
import type { NowNext, RoomState, SessionNow } from './types.js';
import { findRoom, isLive, movedAwayFrom, withTimes } from './sessions.js';
import {
  firstFrom,
  type IndexedSession,
  onAt,
  roomTimeline,
  type ScheduleIndex,
  scheduleIndex,
  venueInstant,
} from './schedule-index.js';

export { UnknownRoomError } from './sessions.js';

/**
 * What a room screen shows at `at` (epoch ms): the room's session on now, the next one, the rest
 * of that day, and what everyone is invited to wherever it is held. Sessions moved away from the
 * room stay listed with `movedTo`, cancelled ones with `cancelled`, so the screen can say so.
 * `roomId` may also be the room's name (any case). Throws UnknownRoomError listing the rooms.
 */
export function nowNext(program: Program, roomId: string, at: number): NowNext {
  const index = scheduleIndex(program, at);
  const room = index.roomById.get(roomId) ?? findRoom(program, roomId);
  const line = roomTimeline(index, room.id);
  const own = (s: Session) => s.room === room.id;

  // Several can overlap after a forced move: what is really on here wins over what left or was called off.
  const onNow = onAt(line, at).map((x) => x.s);
  const current = onNow.find((s) => own(s) && isLive(s)) ?? onNow.find(own) ?? onNow[0] ?? null;

  // Only this room's own, live sessions come next: one moved away or called off is said as such
  // (`changed`), never advertised. A session delayed without cascade runs into the following one,
  // which has "started" by the printed program and must not vanish.
  const here = (s: Session) => s !== current && own(s) && isLive(s);
  const started = onAt(line, at).filter((x) => x.start < at && here(x.s));
  const from = firstFrom(line, at);
  const upcoming = [...started, ...line.items.slice(from).filter((x) => here(x.s))];
  const next = upcoming[0] ?? null;
  const later = upcoming.slice(1).filter((x) => x.day === next?.day);

  // What was printed here until `next` (or the end of today) and does not happen here after all.
  const today = venueInstant(program, index, at).day;
  const until = next?.start ?? Infinity;
  const changed: IndexedSession[] = [];
  for (const x of onAt(line, at)) if (x.s !== current && !own(x.s)) changed.push(x);
  for (let i = from; i < line.items.length && line.items[i]!.start <= until; i++) {
    const x = line.items[i]!;
    // Days only grow along the timeline: past today and next's day, nothing more to say.
    if (x.day > today && x.day > (next?.day ?? today)) break;
    if (!(own(x.s) && isLive(x.s)) && (x.day === today || x.day === next?.day)) changed.push(x);
  }

  const { current: venueCurrent, next: venueNext } = venueAt(index, at);

  const instant = venueInstant(program, index, at);
  const view = (s: Session | null): SessionNow | null =>
    s ? withTimes(s, at, movedAwayFrom(s, room.id) ? (s.room ?? undefined) : undefined) : null;

  return {
    room,
    at: instant.iso,
    state: stateAt(index.span, at, instant.day, current, upcoming, own),
    current: view(current),
    next: view(next?.s ?? null),
    later: later.map((x) => view(x.s)!),
    changed: changed.map((x) => view(x.s)!),
    venue: { current: view(venueCurrent), next: view(venueNext) },
  };
}

/**
 * What everyone is invited to at `at`, wherever it is held: on now (a live one first) and next.
 * The same for every room: the lobby asks it once.
 */
export function venueNowNext(
  program: Program,
  at: number,
): { current: Session | null; next: Session | null } {
  return venueAt(scheduleIndex(program, at), at);
}

function venueAt(index: ScheduleIndex, at: number): { current: Session | null; next: Session | null } {
  const venueOn = onAt(index.everyone, at).map((x) => x.s);
  const current = venueOn.find(isLive) ?? venueOn[0] ?? null;
  const everyone = index.everyone.items;
  let next: Session | null = venueOn.find((s) => s !== current) ?? null;
  for (let i = firstFrom(index.everyone, at); i < everyone.length && !next; i++)
    if (everyone[i]!.s !== current) next = everyone[i]!.s;
  return { current, next };
}

function stateAt(
  span: { first: number; last: number } | null,
  at: number,
  today: string,
  current: Session | null,
  upcoming: IndexedSession[],
  own: (s: Session) => boolean,
): RoomState {
  if (!span || at < span.first) return 'before-event';
  if (at >= span.last) return 'after-event';
  if (current && own(current) && isLive(current)) return 'in-session';
  const more = upcoming.some((x) => own(x.s) && isLive(x.s) && x.day === today);
  return more ? 'between-sessions' : 'done-for-today';
}
