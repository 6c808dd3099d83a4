import type { Program, Session, Talk } from '../../core/program/schema.js';
import { roomName as screenRoomName } from '../lib/format.js';

/**
 * The admin's list of the day: sessions by start time then room (program room order, venue-wide
 * first), with a search over titles, speakers and room names.
 */
/** The screens' room name, with a word for venue-wide items (no room). */
export function roomName(program: Pick<Program, 'rooms'>, id: string | null): string {
  return screenRoomName(program, id) ?? 'Everywhere';
}

export function sortedSessions(program: Pick<Program, 'rooms' | 'sessions'>): Session[] {
  const order = new Map(program.rooms.map((r, i) => [r.id, i]));
  const rank = (s: Session) => (s.room === null ? -1 : (order.get(s.room) ?? program.rooms.length));
  return [...program.sessions].sort(
    (a, b) => Date.parse(a.start) - Date.parse(b.start) || rank(a) - rank(b) || a.id.localeCompare(b.id),
  );
}

function people(s: Session | Talk): string[] {
  const extra = 'chairs' in s ? s.chairs : [...(s.panelists ?? []), ...(s.moderator ? [s.moderator] : [])];
  return [...s.speakers, ...extra].map((p) => `${p.name} ${p.affiliation ?? ''}`);
}

function includes(haystack: readonly string[], words: readonly string[]): boolean {
  const text = haystack.join(' \n ').toLowerCase();
  return words.every((w) => text.includes(w));
}

export interface Match {
  session: Session;
  /** Talks to list under it: all when the session itself matched, else only the matching ones. */
  talks: Talk[];
}

/** Sessions matching every word of `query` in title, track, room, speakers or a talk. */
export function searchSessions(program: Pick<Program, 'rooms' | 'sessions'>, query: string): Match[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: Match[] = [];
  for (const session of sortedSessions(program)) {
    if (words.length === 0) {
      out.push({ session, talks: session.talks });
      continue;
    }
    const own = [session.title, session.subtitle ?? '', session.track ?? '', session.id];
    own.push(roomName(program, session.room), ...people(session));
    if (includes(own, words)) {
      out.push({ session, talks: session.talks });
      continue;
    }
    const talks = session.talks.filter((t) => includes([t.title, t.id, ...people(t), ...own], words));
    if (talks.length > 0) out.push({ session, talks });
  }
  return out;
}
