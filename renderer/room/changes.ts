import type { Program, Session } from '../../core/program/schema.js';
import type { NowNext, SessionNow } from '../../core/schedule/types.js';
import { ms, venueDay } from '../../core/time/venue.js';
import { clockAt, dayFrom, displayTitle, theRoom } from '../lib/format.js';

/**
 * The room screen's words for the day's changes: a session printed here that was cancelled or
 * moved is said as such, and always with what to do instead (never advertised as "next").
 */

const NOUNS: Partial<Record<Session['kind'], string>> = {
  keynote: 'keynote',
  talk: 'talk',
  panel: 'panel',
  tutorial: 'tutorial',
  workshop: 'workshop',
};

/** "1:30 PM tutorial cancelled (speaker ill)", "1:30 PM tutorial moved to the Magnolia Room". */
export function changedLine(p: Program, s: SessionNow): string {
  const what = `${clockAt(p, s.original?.start ?? s.start)} ${NOUNS[s.kind] ?? 'session'}`;
  if (s.movedTo) return `${what} moved to ${theRoom(p, s.movedTo)}`;
  return s.cancelled?.note ? `${what} cancelled (${s.cancelled.note})` : `${what} cancelled`;
}

/** "Next here: ModelOps on AWS at 2:30 PM" (another day: "… Tomorrow at 10:30 AM"). */
export function nextHere(p: Program, s: Session, at: number): string {
  const day = dayFrom(p, s.start, at);
  return `Next here: ${displayTitle(s)}${day ? ` ${day}` : ''} at ${clockAt(p, s.start)}`;
}

/** The changes before `next`, then next here: "1:30 PM tutorial cancelled — next here: … at 2:30 PM". */
export function changesThenNext(p: Program, nn: NowNext, next: Session | null, at: number): string | null {
  const changes = nn.changed.map((s) => changedLine(p, s));
  const then = next ? nextHere(p, next, at) : null;
  if (changes.length === 0) return then;
  return then ? `${changes.join('; ')} — ${lower(then)}` : changes.join('; ');
}

/**
 * What the screen says when the session on now here was called off or moved away: what happened,
 * and what attendees do instead (the note, where it went, what comes next here and when).
 */
export function insteadOf(p: Program, nn: NowNext, at: number): { headline: string; detail: string } {
  const s = nn.current!;
  const headline = s.movedTo
    ? `Moved to ${theRoom(p, s.movedTo)}: ${displayTitle(s)}`
    : `Cancelled: ${displayTitle(s)}`;
  const next = nn.next && venueDay(p, ms(nn.next.start)) === venueDay(p, at) ? nn.next : null;
  const then = next ? nextHere(p, next, at) : 'Nothing more here today';
  const note = s.movedTo ? null : (s.cancelled?.note ?? null);
  return { headline, detail: note ? `${note} — ${lower(then)}` : then };
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
