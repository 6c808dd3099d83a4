import type { Program, Session } from '../../core/program/schema.js';
import type { NowNext, SessionNow } from '../../core/schedule/types.js';
import { ms, venueDay } from '../../core/time/venue.js';
import { clockAt, dayFrom, displayTitle, roomName } from '../lib/format.js';
import { en, type Messages } from '../lib/i18n/en.js';

/**
 * The room screen's words for the day's changes: a session printed here that was cancelled or
 * moved is said as such, and always with what to do instead (never advertised as "next").
 * The words are the catalogue's (`m`); English unless given.
 */

const KINDS = ['keynote', 'talk', 'panel', 'tutorial', 'workshop'] as const;
const kindWord = (kind: Session['kind'], m: Messages) =>
  (KINDS as readonly string[]).includes(kind) ? m.kinds[kind as (typeof KINDS)[number]] : m.kinds.other;

/** "1:30 PM tutorial cancelled (speaker ill)", "1:30 PM tutorial moved to the Magnolia Room". */
export function changedLine(p: Program, s: SessionNow, m: Messages = en): string {
  const clock = clockAt(p, s.original?.start ?? s.start, m);
  const kind = kindWord(s.kind, m);
  if (s.movedTo) return m.changes.moved(clock, kind, roomName(p, s.movedTo)!);
  return m.changes.cancelled(clock, kind, s.cancelled?.note ?? null);
}

/** "Next here: ModelOps on AWS at 2:30 PM" (another day: "… Tomorrow at 10:30 AM"). */
export function nextHere(p: Program, s: Session, at: number, m: Messages = en): string {
  return m.changes.nextHere(displayTitle(s), dayFrom(p, s.start, at, m), clockAt(p, s.start, m));
}

/** The changes before `next`, then next here: "1:30 PM tutorial cancelled — next here: … at 2:30 PM". */
export function changesThenNext(
  p: Program,
  nn: NowNext,
  next: Session | null,
  at: number,
  m: Messages = en,
): string | null {
  const changes = nn.changed.map((s) => changedLine(p, s, m));
  const then = next ? nextHere(p, next, at, m) : null;
  if (changes.length === 0) return then;
  const list = m.changes.list(changes);
  return then ? m.changes.then(list, then) : list;
}

/**
 * What the screen says when the session on now here was called off or moved away: what happened,
 * and what attendees do instead (the note, where it went, what comes next here and when).
 */
export function insteadOf(
  p: Program,
  nn: NowNext,
  at: number,
  m: Messages = en,
): { headline: string; detail: string } {
  const s = nn.current!;
  const headline = s.movedTo
    ? m.changes.movedHeadline(roomName(p, s.movedTo)!, displayTitle(s))
    : m.changes.cancelledHeadline(displayTitle(s));
  const next = nn.next && venueDay(p, ms(nn.next.start)) === venueDay(p, at) ? nn.next : null;
  const then = next ? nextHere(p, next, at, m) : m.status.nothingMoreToday;
  const note = s.movedTo ? null : (s.cancelled?.note ?? null);
  return { headline, detail: note ? m.changes.then(note, then) : then };
}
