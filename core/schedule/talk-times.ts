import type { Session, Talk } from '../program/schema.js';
import type { TalkTime } from './types.js';
import { isoInOffsetOf, ms } from '../time/venue.js';

/** When staff's "now speaking" pointer leaves no time for the talks after it, each still gets this much. */
const MIN_ESTIMATED_MS = 5 * 60_000;

/**
 * When each talk of a session runs. The program's own talk times are facts; otherwise the block is
 * shared equally (an estimate, marked so). Staff's "now speaking" pointer fixes the talk on now
 * at its `since`: the talks before it are over by then, it and the ones after share what is left.
 * Cancelled talks take no time. One entry per talk, in program order.
 */
export function talkTimes(session: Session): TalkTime[] {
  const talks = session.talks;
  if (talks.length === 0) return [];
  const start = ms(session.start);
  const end = ms(session.end);
  const pointer = pointerOf(session);
  const timed = talks.every((t) => t.start !== undefined && t.end !== undefined);

  const spans: { start: number; end: number; estimated: boolean }[] = timed
    ? talks.map((t) => ({ start: ms(t.start!), end: ms(t.end!), estimated: false }))
    : pointer
      ? [
          ...share(talks.slice(0, pointer.index), Math.min(start, pointer.since), pointer.since, 0),
          ...share(talks.slice(pointer.index), pointer.since, end, MIN_ESTIMATED_MS),
        ]
      : share(talks, start, end, 0);

  if (timed && pointer) shiftFromPointer(spans, pointer);

  return spans.map((span, index) => ({
    talk: talks[index]!.id,
    index,
    start: isoInOffsetOf(session.start, span.start),
    end: isoInOffsetOf(session.start, span.end),
    estimated: span.estimated,
  }));
}

/** The talk on at `at`: a live (not cancelled) talk whose span holds it, or null. */
export function talkOnNow(session: Session, times: TalkTime[], at: number): TalkTime | null {
  for (const t of times) {
    if (session.talks[t.index]?.cancelled) continue;
    if (ms(t.start) <= at && at < ms(t.end)) return t;
  }
  return null;
}

function pointerOf(session: Session): { index: number; since: number } | null {
  const now = session.nowSpeaking;
  if (!now) return null;
  const index = session.talks.findIndex((t) => t.id === now.talk);
  return index < 0 ? null : { index, since: ms(now.since) };
}

/** Equal shares of [from, to) among the live talks; cancelled ones get zero length where they fall. */
function share(talks: Talk[], from: number, to: number, minEach: number) {
  const live = talks.filter((t) => !t.cancelled).length;
  const each = live === 0 ? 0 : Math.max((to - from) / live, minEach);
  let cursor = from;
  return talks.map((t) => {
    const s = cursor;
    if (!t.cancelled) cursor += each;
    return { start: Math.round(s), end: Math.round(cursor), estimated: true };
  });
}

/** Program-timed talks and a pointer: the named talk and the later ones move by its lateness. */
function shiftFromPointer(
  spans: { start: number; end: number; estimated: boolean }[],
  pointer: { index: number; since: number },
) {
  const named = spans[pointer.index];
  if (!named) return;
  const delta = pointer.since - named.start;
  if (delta === 0) return;
  spans.forEach((span, i) => {
    if (i < pointer.index) {
      if (span.end > pointer.since) {
        span.end = Math.max(span.start, pointer.since);
        span.estimated = true;
      }
    } else {
      span.start += delta;
      span.end += delta;
      span.estimated = true;
    }
  });
}
