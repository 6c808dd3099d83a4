import type { Person, Program, Session } from '../../core/program/schema.js';
import { DateTime } from 'luxon';
import { formatClock, formatDay, ms, venueDay, venueZone } from '../../core/time/venue.js';

/** Wording shared by the room and lobby screens. Every time is venue time (Luxon in the venue zone). */

export const clockAt = (p: Program, iso: string): string => formatClock(p, ms(iso));

export function roomName(p: Pick<Program, 'rooms'>, id: string | null | undefined): string | null {
  if (!id) return null;
  return p.rooms.find((r) => r.id === id)?.name ?? id;
}

/** "the Magnolia Room", "the Lawrence/San Tomas/Lafayette Rooms": reads well after "in"/"to". */
export function theRoom(p: Program, id: string | null | undefined): string | null {
  const name = roomName(p, id);
  if (!name) return null;
  return /^(the|hall|room)\b/i.test(name) || /^\d/.test(name) ? name : `the ${name}`;
}

/**
 * What to call a session in one line. A slot named after its track ("Presentations Track 1") or
 * its kind ("Keynote Address") holding one talk is better named by that talk.
 */
export function displayTitle(s: Session): string {
  const only = s.talks.length === 1 ? s.talks[0] : undefined;
  if (only && (s.title === s.track || /^(keynote|tutorials?|presentations?)\b/i.test(s.title)))
    return only.title;
  return s.title;
}

/** A line above the title: the slot's own name when the title came from its talk, else the track. */
export function kicker(s: Session): string | null {
  const shown = displayTitle(s);
  if (shown !== s.title) return s.title === s.track || !s.track ? s.title : `${s.title} · ${s.track}`;
  return s.track && s.track !== s.title ? s.track : null;
}

export function person(p: Person): string {
  return p.affiliation ? `${p.name}, ${p.affiliation}` : p.name;
}

export function people(list: readonly Person[]): string {
  return list.map(person).join(' · ');
}

/** Whole minutes from `at` to `iso`, rounded up so "in 1 min" shows until it starts. */
export function minutesUntil(iso: string, at: number): number {
  return Math.max(0, Math.ceil((ms(iso) - at) / 60_000));
}

export function inMinutes(n: number): string {
  if (n <= 0) return 'now';
  if (n < 60) return `in ${n} min`;
  const h = Math.floor(n / 60);
  const m = n % 60;
  return m === 0 ? `in ${h} h` : `in ${h} h ${m} min`;
}

/**
 * The day of `iso` said from `at`'s conference day: null the same day, else "Tomorrow",
 * "Saturday" (within the week), or "Saturday, June 15". Days roll over at 04:00 like the program's.
 */
export function dayFrom(p: Program, iso: string, at: number): string | null {
  const day = venueDay(p, ms(iso));
  const today = venueDay(p, at);
  if (day === today) return null;
  const days = DateTime.fromISO(day, { zone: 'utc' }).diff(
    DateTime.fromISO(today, { zone: 'utc' }),
    'days',
  ).days;
  if (days === 1) return 'Tomorrow';
  const dt = DateTime.fromISO(day, { zone: venueZone(p), locale: 'en-US' });
  return days > 1 && days < 7 ? dt.toFormat('cccc') : dt.toFormat('cccc, LLLL d');
}

/** When a next session starts, read from `at`: "in 15 min", "now"; on another day "Tomorrow 10:30 AM". */
export function startsLabel(p: Program, iso: string, at: number): string {
  const day = dayFrom(p, iso, at);
  return day ? `${day} ${clockAt(p, iso)}` : inMinutes(minutesUntil(iso, at));
}

/** "Running 10 min late — now 11:10 AM" / "Running 5 min early — now 10:25 AM". */
export function delayLine(p: Program, s: Session): string | null {
  if (!s.delayMinutes) return null;
  const m = Math.abs(s.delayMinutes);
  return `Running ${m} min ${s.delayMinutes > 0 ? 'late' : 'early'} — now ${clockAt(p, s.start)}`;
}

export function dayLine(p: Program, at: number): string {
  return formatDay(p, at);
}

/** "May 20, 2019" or "May 20–22, 2019" for the conference's dates. */
export function conferenceDates(p: Program): string {
  const opts = { zone: venueZone(p), locale: 'en-US' };
  const a = DateTime.fromISO(p.conference.start, opts);
  const b = DateTime.fromISO(p.conference.end, opts);
  if (p.conference.start === p.conference.end) return a.toFormat('LLLL d, yyyy');
  if (a.month === b.month) return `${a.toFormat('LLLL d')}–${b.toFormat('d, yyyy')}`;
  return `${a.toFormat('LLLL d')} – ${b.toFormat('LLLL d, yyyy')}`;
}
