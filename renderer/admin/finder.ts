import { DateTime } from 'luxon';
import type { Program, Session } from '../../core/program/schema.js';
import { programDays } from './days.js';
import { sessionDay } from '../../core/schedule/sessions.js';
import { ms, venueDay } from '../../core/time/venue.js';
import { searchSessions, type Match } from './sessions.js';
import { TEXT } from './strings.js';

/**
 * The admin's session finder: the search narrowed to a day and a room, and on the day that is
 * today, what is on now and what comes next in each room first (staff change those, rarely the
 * rest), then later today, then what is over.
 */
export type Group = 'now' | 'next' | 'later' | 'earlier' | 'day';

export const GROUP_LABELS: Record<Group, string> = TEXT.sessions.group;

export interface Filter {
  query: string;
  /** Venue date, or '' for every day. */
  day: string;
  /** Room id, '-' for venue-wide items only, or '' for every room. */
  room: string;
}

export interface Found {
  groups: { group: Group; matches: Match[] }[];
  /** Matches of the query on the days the filter leaves out (0 when every day is searched). */
  elsewhere: number;
  /** The day searched (the typed one, else the box's); '' for every day. */
  day: string;
}

/**
 * Words of the query that name a day ("sat", "saturday", "day3") or a whole room name ("borg")
 * filter like the day and room boxes: "borg sat" is Borg on Saturday, not every title holding
 * "sat". A typed day wins over the day box; the rest of the words search the text.
 */
export function readQuery(program: Program, query: string): { text: string; day?: string; room?: string } {
  const days = programDays(program);
  const dayOf = new Map<string, string>();
  days.forEach((d, i) => {
    const dt = DateTime.fromISO(d.date, { locale: 'en-US' });
    for (const w of [dt.toFormat('ccc'), dt.toFormat('cccc'), `day${i + 1}`, `d${i + 1}`])
      if (!dayOf.has(w.toLowerCase())) dayOf.set(w.toLowerCase(), d.date);
  });
  const roomOf = new Map(program.rooms.map((r) => [r.name.toLowerCase(), r.id]));
  const out: { text: string; day?: string; room?: string } = { text: '' };
  const rest: string[] = [];
  for (const w of query.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (out.day === undefined && dayOf.has(w)) out.day = dayOf.get(w);
    else if (out.room === undefined && roomOf.has(w)) out.room = roomOf.get(w);
    else rest.push(w);
  }
  out.text = rest.join(' ');
  return out;
}

export function findSessions(program: Program, f: Filter, now: number): Found {
  const q = readQuery(program, f.query);
  const day = q.day ?? f.day;
  const all = searchSessions(program, q.text).filter(
    (m) =>
      (f.room === '' || (f.room === '-' ? m.session.room === null : m.session.room === f.room)) &&
      (q.room === undefined || m.session.room === q.room),
  );
  const inDay = day === '' ? all : all.filter((m) => sessionDay(program, m.session) === day);
  const elsewhere = all.length - inDay.length;
  if (day === '' || day !== venueDay(program, now))
    return { groups: inDay.length ? [{ group: 'day', matches: inDay }] : [], elsewhere, day };

  const by: Record<Group, Match[]> = { now: [], next: [], later: [], earlier: [], day: [] };
  const seenNext = new Set<string | null>();
  for (const m of inDay) {
    const s = m.session;
    if (ms(s.end) <= now) by.earlier.push(m);
    else if (ms(s.start) <= now) by.now.push(m);
    else if (!seenNext.has(s.room)) {
      seenNext.add(s.room);
      by.next.push(m);
    } else by.later.push(m);
  }
  const groups = (['now', 'next', 'later', 'earlier'] as const)
    .filter((g) => by[g].length > 0)
    .map((group) => ({ group, matches: by[group] }));
  return { groups, elsewhere, day };
}

/** The day the finder opens on: today when the program has it, else its nearest day. */
export function defaultDay(days: readonly string[], program: Program, now: number): string {
  const today = venueDay(program, now);
  if (days.includes(today)) return today;
  return (today < (days[0] ?? '') ? days[0] : days.at(-1)) ?? '';
}

/** First match in the finder's order: what Enter in the search box picks. */
export function firstFound(found: Found): Session | undefined {
  return found.groups[0]?.matches[0]?.session;
}
