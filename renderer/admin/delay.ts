import { applyOverrides } from '../../core/overrides/apply.js';
import type { Program, Session } from '../../core/program/schema.js';
import { ms } from '../../core/time/venue.js';

/** One session a delay would move: where it is now and where it would be. */
export interface Shifted {
  session: Session;
  start: number;
  end: number;
  newStart: number;
  newEnd: number;
}

export interface DelayPreview {
  /** The delayed session first, then the later ones the cascade moves, by start. */
  shifted: Shifted[];
  /** Pairs of live sessions in one room that would overlap and do not now. */
  overlaps: [Session, Session][];
}

/**
 * What a delay of `minutes` (the increment the form would send) does, before it is sent: the
 * override applied to the effective program by core's own `applyOverrides`, so the preview moves
 * exactly the sessions the host will (the cascade's rule lives there, not here twice).
 */
export function delayPreview(
  program: Program,
  session: string,
  minutes: number,
  cascade: boolean,
): DelayPreview | null {
  if (!program.sessions.some((s) => s.id === session) || minutes === 0 || !Number.isInteger(minutes))
    return null;
  const after = applyOverrides(program, [
    {
      type: 'override',
      revision: 1,
      at: program.sessions[0]!.start,
      override: { kind: 'delay', session, minutes, ...(cascade ? { cascade } : {}) },
    },
  ]).program;
  const before = new Map(program.sessions.map((s) => [s.id, s]));
  const shifted: Shifted[] = [];
  for (const s of after.sessions) {
    const was = before.get(s.id);
    if (!was || ms(was.start) === ms(s.start)) continue;
    shifted.push({
      session: was,
      start: ms(was.start),
      end: ms(was.end),
      newStart: ms(s.start),
      newEnd: ms(s.end),
    });
  }
  shifted.sort((a, b) => (a.session.id === session ? -1 : b.session.id === session ? 1 : a.start - b.start));
  return { shifted, overlaps: newOverlaps(program, after, new Set(shifted.map((x) => x.session.id))) };
}

function overlapping(a: Session, b: Session): boolean {
  return (
    a.id !== b.id &&
    a.room !== null &&
    a.room === b.room &&
    !a.cancelled &&
    !b.cancelled &&
    ms(a.start) < ms(b.end) &&
    ms(b.start) < ms(a.end)
  );
}

function newOverlaps(before: Program, after: Program, moved: Set<string>): [Session, Session][] {
  const was = new Map(before.sessions.map((s) => [s.id, s]));
  const out: [Session, Session][] = [];
  for (const a of after.sessions) {
    if (!moved.has(a.id)) continue;
    for (const b of after.sessions) {
      if (!overlapping(a, b) || (moved.has(b.id) && b.id < a.id)) continue;
      if (overlapping(was.get(a.id)!, was.get(b.id)!)) continue;
      out.push([a, b]);
    }
  }
  return out;
}
