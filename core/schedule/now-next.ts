import type { Program, Session } from '../program/schema.js';
import type { NowNext, RoomState, SessionNow } from './types.js';
import { isoInVenue, ms, venueDay } from '../time/venue.js';
import {
  byStart,
  findRoom,
  isLive,
  isOn,
  movedAwayFrom,
  programSpan,
  sessionDay,
  withTimes,
} from './sessions.js';

export { UnknownRoomError } from './sessions.js';

/**
 * What a room screen shows at `at` (epoch ms): the room's session on now, the next one, the rest
 * of that day, and what everyone is invited to wherever it is held. Sessions moved away from the
 * room stay listed with `movedTo`, cancelled ones with `cancelled`, so the screen can say so.
 * `roomId` may also be the room's name (any case). Throws UnknownRoomError listing the rooms.
 */
export function nowNext(program: Program, roomId: string, at: number): NowNext {
  const room = findRoom(program, roomId);
  const sorted = byStart(program.sessions);
  const here = sorted.filter((s) => s.room === room.id || movedAwayFrom(s, room.id));
  const own = (s: Session) => s.room === room.id;

  // Several can overlap after a forced move: what is really on here wins over what left or was called off.
  const onNow = here.filter((s) => isOn(s, at));
  const current = onNow.find((s) => own(s) && isLive(s)) ?? onNow.find(own) ?? onNow[0] ?? null;

  const upcoming = here.filter((s) => s !== current && ms(s.start) >= at);
  const next = upcoming[0] ?? null;
  const nextDay = next ? sessionDay(program, next) : null;
  const later = upcoming.slice(1).filter((s) => sessionDay(program, s) === nextDay);

  const everyone = sorted.filter((s) => s.audience === 'everyone');
  const venueOn = everyone.filter((s) => isOn(s, at));
  const venueCurrent = venueOn.find(isLive) ?? venueOn[0] ?? null;
  const venueNext = everyone.find((s) => s !== venueCurrent && ms(s.start) >= at) ?? null;

  const view = (s: Session | null): SessionNow | null =>
    s ? withTimes(s, at, movedAwayFrom(s, room.id) ? (s.room ?? undefined) : undefined) : null;

  return {
    room,
    at: isoInVenue(program, at),
    state: stateAt(program, at, current, upcoming, own),
    current: view(current),
    next: view(next),
    later: later.map((s) => view(s)!),
    venue: { current: view(venueCurrent), next: view(venueNext) },
  };
}

function stateAt(
  program: Program,
  at: number,
  current: Session | null,
  upcoming: Session[],
  own: (s: Session) => boolean,
): RoomState {
  const span = programSpan(program);
  if (!span || at < span.first) return 'before-event';
  if (at >= span.last) return 'after-event';
  if (current && own(current) && isLive(current)) return 'in-session';
  const today = venueDay(program, at);
  const more = upcoming.some((s) => own(s) && isLive(s) && sessionDay(program, s) === today);
  return more ? 'between-sessions' : 'done-for-today';
}
