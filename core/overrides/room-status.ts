import type { Program, Room, RoomStatus } from '../program/schema.js';
import { ms } from '../time/venue.js';

const HOUR = 3_600_000;

/**
 * When a "room full" said at `at` ends by default: with the session on in the room then (else the
 * room's next one), since the next audience is another; with neither, an hour later.
 */
export function statusEnd(p: Pick<Program, 'sessions'>, roomId: string, at: number): number {
  let next: { start: number; end: number } | null = null;
  for (const s of p.sessions) {
    if (s.room !== roomId || s.cancelled) continue;
    const start = ms(s.start);
    const end = ms(s.end);
    if (start <= at && at < end) return end;
    if (start > at && (next === null || start < next.start)) next = { start, end };
  }
  return next ? next.end : at + HOUR;
}

/** The room's status in force at `at` (null: open, or it ran out). */
export function roomStatusAt(room: Pick<Room, 'status'>, at: number): RoomStatus | null {
  const s = room.status;
  return s && at < ms(s.until) ? s : null;
}
