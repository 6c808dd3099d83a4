import type { JournalEntry } from '../../core/overrides/schema.js';
import type { Program, Session, Talk } from '../../core/program/schema.js';
import { withTimes } from '../../core/schedule/sessions.js';
import { ms } from '../../core/time/venue.js';

/** A block of talks on now, with what "next talk" and "back" would do. */
export interface StageRow {
  session: Session;
  /** The talk on now (staff's pointer, else the estimate), or null between talks. */
  current: Talk | null;
  /** Index of `current` among the block's talks. */
  index: number;
  /** Staff said who speaks (a now-speaking in force), rather than an estimate. */
  pointed: boolean;
  next: Talk | null;
  /** Back: undo the latest now-speaking in force for this block, else point at the talk before. */
  back: { revert: number } | { talk: Talk } | null;
}

/** The live blocks of two or more talks on at `now`, in room order. */
export function stageRows(program: Program, entries: readonly JournalEntry[], now: number): StageRow[] {
  const reverted = new Set(entries.flatMap((e) => (e.type === 'revert' ? [e.target] : [])));
  const order = new Map(program.rooms.map((r, i) => [r.id, i]));
  const on = program.sessions
    .filter((s) => s.talks.length >= 2 && !s.cancelled && ms(s.start) <= now && now < ms(s.end))
    .sort((a, b) => (order.get(a.room ?? '') ?? -1) - (order.get(b.room ?? '') ?? -1));
  return on.map((session) => {
    const talks = session.talks;
    const onNow = withTimes(session, now).onNow;
    const pointer = talks.findIndex((t) => t.id === session.nowSpeaking?.talk);
    const index = pointer >= 0 ? pointer : (onNow?.index ?? -1);
    const liveAt = talks.flatMap((t, i) => (t.cancelled ? [] : [i]));
    const after = liveAt.find((i) => i > index) ?? -1;
    const before = liveAt.filter((i) => i < index).at(-1) ?? -1;
    const latest = entries
      .filter(
        (e) =>
          e.type === 'override' &&
          !reverted.has(e.revision) &&
          e.override.kind === 'now-speaking' &&
          e.override.session === session.id,
      )
      .at(-1);
    return {
      session,
      current: index >= 0 ? (talks[index] ?? null) : null,
      index,
      pointed: pointer >= 0,
      next: after >= 0 ? talks[after]! : null,
      back: latest ? { revert: latest.revision } : before >= 0 ? { talk: talks[before]! } : null,
    };
  });
}
