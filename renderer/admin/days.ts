import { DateTime } from 'luxon';
import type { Program, Session } from '../../core/program/schema.js';
import { DAY_ROLLOVER_HOURS, ms, venueDay } from '../../core/time/venue.js';
import { sessionDay } from '../../core/schedule/sessions.js';

/** The conference days of a program, as the admin's day filter lists them. */
export interface Day {
  /** Venue date, `2018-12-29` (core's conference day: it rolls over at 04:00). */
  date: string;
  /** "Day 3 · Sat Dec 29". */
  label: string;
  /** "Sat", for the session picker's lines. */
  short: string;
}

export function programDays(program: Program): Day[] {
  const dates = [...new Set(program.sessions.map((s) => sessionDay(program, s)))].sort();
  return dates.map((date, i) => {
    const d = DateTime.fromISO(date, { zone: program.conference.timeZone, locale: 'en-US' });
    return { date, label: `Day ${i + 1} · ${d.toFormat('ccc LLL d')}`, short: d.toFormat('ccc') };
  });
}

/**
 * When the venue day holding `at` ends: its last session's end, or (a day with nothing left) the
 * 04:00 rollover. null when `at` is past the whole day's end already and nothing follows.
 */
export function dayEnd(program: Program, at: number): number | null {
  const day = venueDay(program, at);
  let last = -Infinity;
  for (const s of program.sessions) if (sessionDay(program, s) === day) last = Math.max(last, ms(s.end));
  if (last > at) return last;
  const rollover = DateTime.fromISO(day, { zone: program.conference.timeZone })
    .plus({ days: 1, hours: DAY_ROLLOVER_HOURS })
    .toMillis();
  return rollover > at ? rollover : null;
}

/** The sessions of each conference day, in the admin's order (start, then room). */
export function sessionsByDay(program: Program, sorted: readonly Session[]): Map<string, Session[]> {
  const out = new Map<string, Session[]>();
  for (const s of sorted) {
    const d = sessionDay(program, s);
    const list = out.get(d);
    if (list) list.push(s);
    else out.set(d, [s]);
  }
  return out;
}
