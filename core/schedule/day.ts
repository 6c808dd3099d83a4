import type { Program } from '../program/schema.js';
import { ms } from '../time/venue.js';
import { lobby } from './lobby.js';

/** The window a day cut holds: the lobby's day at `at` (venue instants, ISO). */
export interface DayWindow {
  from: string;
  until: string;
  room?: string;
}

/**
 * The program cut to the conference day the lobby shows at `at` (that day, else the next, else the
 * last): only the sessions overlapping it, and with `room` only that room's and the venue-wide
 * ones. Everything else (conference, rooms, announcements, alerts) is kept whole, so a screen paints
 * its first page from it with the same code as from the full program.
 */
export function dayCut(program: Program, at: number, room?: string): { program: Program; window: DayWindow } {
  const day = lobby(program, at);
  const from = ms(day.from);
  const until = ms(day.until);
  const sessions = program.sessions.filter(
    (s) =>
      ms(s.start) < until && ms(s.end) > from && (room === undefined || s.room === null || s.room === room),
  );
  return {
    program: { ...program, sessions },
    window: { from: day.from, until: day.until, ...(room === undefined ? {} : { room }) },
  };
}
