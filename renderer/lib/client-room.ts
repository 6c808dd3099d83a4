import type { Snapshot } from '../../core/protocol/index.js';
import type { OverrideInput } from '../../core/overrides/schema.js';
import { ms } from '../../core/time/venue.js';
import { journalEvent, stepJournal, type JournalStep } from './client-journal.js';

/**
 * A room screen's payload (GET day?room=, core/schedule/day.ts roomCut): the room screen holds
 * only this, never the full snapshot (issue 19). It applies the journal entries it can apply to
 * its slice; for one it cannot (a revert, a program version, a clock change, a session moving into
 * this room, a delay of a session it lacks) it fetches the payload again, and it does at `renew`.
 */

/** `s` is the payload of `room` (so it may be cached and resumed from). */
export const isRoomPayload = (s: Snapshot | null, room: string | undefined): boolean =>
  room !== undefined && s?.partial?.room === room;

/** What one override does to a room payload: applied, passed over (none of ours), or a refetch. */
export function roomFit(s: Snapshot, o: OverrideInput): 'apply' | 'skip' | 'refetch' {
  const room = s.partial?.room;
  const held = (id: string) => s.program.sessions.some((x) => x.id === id);
  const heldTalk = (id: string) => s.program.sessions.some((x) => x.talks.some((t) => t.id === id));
  switch (o.kind) {
    case 'announce':
    case 'alert':
      return 'apply';
    case 'move':
      // What moves in may be one we hold slimmed, or not at all: its whole record comes from the host.
      if (o.room === room) return 'refetch';
      return held(o.session) ? 'apply' : 'skip';
    case 'delay':
      // A session we lack is outside the window: a delay could bring it in.
      return held(o.session) ? 'apply' : 'refetch';
    case 'cancel':
    case 'edit':
      if (o.session !== undefined) return held(o.session) ? 'apply' : 'skip';
      return o.talk !== undefined && heldTalk(o.talk) ? 'apply' : 'skip';
    case 'now-speaking':
      return held(o.session) ? 'apply' : 'skip';
    case 'room-status':
      // The band on this room's screen, and the marks "Elsewhere now" shows: rooms are all held.
      return 'apply';
  }
}

/**
 * stepJournal for a room payload. Its `overrides` stay empty (nothing on a room screen reads the
 * journal, and a day of changes would only grow it); the revision and clock move on.
 */
export function stepRoomJournal(s: Snapshot, data: unknown): JournalStep {
  const ev = journalEvent(data);
  if (!ev) return { kind: 'refetch', reason: 'unreadable journal event' };
  const { entry, clock } = ev;
  // The payload holds the other rooms' sessions from the instant it was cut: a clock set back
  // needs them from earlier (one set forward past `renew` is renewed by RoomRenewal).
  if (entry.type === 'clock' && entry.revision === s.revision + 1)
    return { kind: 'refetch', reason: 'the clock changed' };
  if (entry.type === 'override' && entry.revision === s.revision + 1) {
    const fit = roomFit(s, entry.override);
    if (fit === 'refetch')
      return { kind: 'refetch', reason: `${entry.override.kind} beyond this room's payload` };
    if (fit === 'skip') return { kind: 'next', snapshot: { ...s, revision: entry.revision, clock } };
  }
  const step = stepJournal(s, ev);
  return step.kind === 'next'
    ? { kind: 'next', snapshot: { ...step.snapshot, overrides: s.overrides } }
    : step;
}

/** Offline, a due renewal is tried at most this often. */
const RENEW_RETRY_MS = 60_000;

/** When a room payload is fetched again: its `renew` instant (the day turns, the window ends). */
export class RoomRenewal {
  #triedAt = -Infinity;

  /** True when the payload should be fetched now; `real` is the page's monotonic ms. */
  due(s: Snapshot | null, now: number, real: number): boolean {
    const renew = s?.partial?.renew;
    if (renew === undefined || now < ms(renew) || real - this.#triedAt < RENEW_RETRY_MS) return false;
    this.#triedAt = real;
    return true;
  }
}
