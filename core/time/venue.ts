import { DateTime, IANAZone } from 'luxon';
import type { Program } from '../program/schema.js';

/**
 * Venue time: every time a screen shows is in the program's zone, never the machine's.
 * Formatting pins the locale too, so a kiosk set to Japanese still reads "10:30 AM".
 */

type HasZone = Pick<Program, 'conference'>;

const LOCALE = 'en-US';
/** A conference day runs past midnight (parties, late sessions) until this hour of the next morning. */
export const DAY_ROLLOVER_HOURS = 4;

export function venueZone(program: HasZone): string {
  return program.conference.timeZone;
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** `locale` is the screen language's (month and weekday names); English unless given. */
export function toVenue(program: HasZone, ms: number, locale: string = LOCALE): DateTime {
  return DateTime.fromMillis(ms, { zone: venueZone(program), locale });
}

/** ISO 8601 with the venue's offset, seconds always written: `2019-05-20T10:30:00-07:00`. */
export function isoInVenue(program: HasZone, ms: number): string {
  return isoOf(toVenue(program, ms));
}

/** "10:30 AM" in venue time. */
export function formatClock(program: HasZone, ms: number): string {
  return toVenue(program, ms).toFormat('h:mm a');
}

/** "Monday, May 20" in venue time. */
export function formatDay(program: HasZone, ms: number): string {
  return toVenue(program, ms).toFormat('cccc, LLLL d');
}

/** "10:30" (24 h) in venue time: compact, for error messages and logs. */
export function formatHm(program: HasZone, ms: number): string {
  return toVenue(program, ms).toFormat('HH:mm');
}

/**
 * The conference day an instant belongs to, as a venue date (`2019-05-20`).
 * Until 04:00 an instant still belongs to the day before, so a talk at 00:30 is that evening's.
 */
export function venueDay(program: HasZone, ms: number): string {
  // Hot path (the lobby asks this of every session): offset arithmetic instead of a DateTime.
  const offset = offsetMinutes(venueZone(program), ms);
  if (Number.isNaN(offset)) return '';
  // Wall-clock time as if it were UTC, minus the rollover: the night clocks change still ends at 04:00.
  const wall = ms + offset * 60_000 - DAY_ROLLOVER_HOURS * 3_600_000;
  return new Date(wall).toISOString().slice(0, 10);
}

// Zone offsets only change at transitions, which fall on quarter hours: a memo per quarter hour
// saves Intl's slow formatToParts on every session of a big program. Pure: same answer, faster.
const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();
function offsetMinutes(zoneName: string, at: number): number {
  const key = `${zoneName}|${Math.floor(at / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    const zone = IANAZone.create(zoneName);
    offset = zone.isValid ? zone.offset(at) : NaN;
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * Epoch ms of an ISO date-time. It must carry its offset, unless a `zone` is given for
 * offset-less input (a CLI user typing venue wall time). Throws with what is wrong and an example.
 */
export function parseInstant(iso: string, zone?: string): number {
  const text = iso.trim();
  const hasOffset = /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(text) && /T/i.test(text);
  if (!hasOffset && zone === undefined)
    throw new Error(
      `"${iso}" has no UTC offset: write it with one, like 2019-05-20T10:30:00-07:00 (or 2019-05-20T17:30:00Z)`,
    );
  const dt = hasOffset ? DateTime.fromISO(text, { setZone: true }) : DateTime.fromISO(text, { zone });
  if (!dt.isValid)
    throw new Error(
      `"${iso}" is not an ISO date-time (${dt.invalidExplanation ?? dt.invalidReason ?? 'unreadable'}): write it like 2019-05-20T10:30:00-07:00`,
    );
  return dt.toMillis();
}

/** Epoch ms of an ISO string already validated by the schema (program times). */
export function ms(iso: string): number {
  return Date.parse(iso);
}

function isoOf(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) ?? '';
}

/** ISO with the offset the string `like` was written in: keeps a session's own offset for its talks. */
export function isoInOffsetOf(like: string, at: number): string {
  const zone = DateTime.fromISO(like, { setZone: true }).zone;
  return isoOf(DateTime.fromMillis(at, { zone }));
}
