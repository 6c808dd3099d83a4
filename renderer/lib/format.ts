import type { Person, Program, Session } from '../../core/program/schema.js';
import { ms } from '../../core/time/venue.js';
import { en, type Messages } from './i18n/en.js';
import { clockIn, datesIn, dayFromIn, dayIn, minutesIn } from './i18n/time.js';

/**
 * Wording shared by the room and lobby screens. Every time is venue time (Luxon in the venue zone);
 * the words and formats are the catalogue's (`m`, English unless given: the admin's).
 */

/** A program time on screen: "10:30 AM", or as the screen's language writes it. */
export const clockAt = (p: Program, iso: string, m: Messages = en): string => clockIn(p, ms(iso), m);

export function roomName(p: Pick<Program, 'rooms'>, id: string | null | undefined): string | null {
  if (!id) return null;
  return p.rooms.find((r) => r.id === id)?.name ?? id;
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

/** "in 5 min", "in 5 Min.", "5分後"; "now" from 0. */
export function inMinutes(n: number, m: Messages = en): string {
  return minutesIn(n, m);
}

/**
 * The day of `iso` said from `at`'s conference day: null the same day, else "Tomorrow",
 * "Saturday" (within the week), or "Saturday, June 15". Days roll over at 04:00 like the program's.
 */
export function dayFrom(p: Program, iso: string, at: number, m: Messages = en): string | null {
  return dayFromIn(p, ms(iso), at, m);
}

/** When a next session starts, read from `at`: "in 15 min", "now"; on another day "Tomorrow 10:30 AM". */
export function startsLabel(p: Program, iso: string, at: number, m: Messages = en): string {
  const day = dayFrom(p, iso, at, m);
  return day ? m.time.dayAt(day, clockAt(p, iso, m)) : inMinutes(minutesUntil(iso, at), m);
}

/** "Running 10 min late — now 11:10 AM" / "Running 5 min early — now 10:25 AM". */
export function delayLine(p: Program, s: Session, m: Messages = en): string | null {
  if (!s.delayMinutes) return null;
  return m.session.delay(s.delayMinutes, clockAt(p, s.start, m));
}

/** The header's day: "Monday, May 20". */
export function dayLine(p: Program, at: number, m: Messages = en): string {
  return dayIn(p, at, m);
}

/** "May 20, 2019" or "May 20–22, 2019" for the conference's dates. */
export function conferenceDates(p: Program, m: Messages = en): string {
  return datesIn(p, m);
}
