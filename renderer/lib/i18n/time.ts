import { DateTime } from 'luxon';
import type { Program } from '../../../core/program/schema.js';
import { toVenue, venueDay, venueZone } from '../../../core/time/venue.js';
import type { Messages } from './en.js';

/**
 * Venue time in the screen's language: the catalogue's patterns and Luxon locale, the program's
 * zone. Pure: every function takes the instant and the catalogue.
 */

type HasZone = Pick<Program, 'conference'>;

/** "10:30 AM" (en), "10:30" (de), "10:30" (ja). */
export const clockIn = (p: HasZone, at: number, m: Messages): string =>
  toVenue(p, at, m.locale).toFormat(m.time.clock);

/** The header's day: "Monday, May 20", "Montag, 20. Mai", "5月20日 月曜日". */
export const dayIn = (p: HasZone, at: number, m: Messages): string =>
  toVenue(p, at, m.locale).toFormat(m.time.day);

/** Whole minutes from now to a start, said as the language says it: "in 5 min", "in 5 Min.", "5分後". */
export function minutesIn(n: number, m: Messages): string {
  return n <= 0 ? m.time.now : m.time.inMinutes(n);
}

/**
 * The day of `target` said from `at`'s conference day: null the same day, else "Tomorrow",
 * the weekday (within the week), or the weekday and date. Days roll over at 04:00 like the program's.
 */
export function dayFromIn(p: HasZone, target: number, at: number, m: Messages): string | null {
  const day = venueDay(p, target);
  const today = venueDay(p, at);
  if (day === today) return null;
  const days = DateTime.fromISO(day, { zone: 'utc' }).diff(
    DateTime.fromISO(today, { zone: 'utc' }),
    'days',
  ).days;
  if (days === 1) return m.time.tomorrow;
  const dt = DateTime.fromISO(day, { zone: venueZone(p), locale: m.locale });
  return dt.toFormat(days > 1 && days < 7 ? m.time.weekday : m.time.date);
}

/** The conference's dates, as the language writes a range. */
export function datesIn(p: Pick<Program, 'conference'>, m: Messages): string {
  const opts = { zone: venueZone(p), locale: m.locale };
  return m.time.dates(DateTime.fromISO(p.conference.start, opts), DateTime.fromISO(p.conference.end, opts));
}
