import type { Program, Session, StoredProgram } from '../program/schema.js';
import type { JournalEntry } from './schema.js';
import { applyOverrides } from './apply.js';
import { clashIn, sessionText } from './check.js';
import { refusal, revertedRevisions } from './reverted.js';
import { ms } from '../time/venue.js';

export { revertedRevisions } from './reverted.js';

/**
 * For the host, before it logs a revert of `target`: 404 when there is no such revision, 409 when
 * it is not an override or is already reverted, and 409 when undoing it would double-book a room
 * (a session put back where another one now is): the same clash check as the change it restores,
 * unless `force`. null: go ahead. `base` is the stored program the journal applies to.
 */
export function checkRevert(
  base: StoredProgram | Program,
  journal: readonly JournalEntry[],
  target: number,
  opts: { force?: boolean } = {},
): { status: 404 | 409; error: string } | null {
  const entries = [...journal].sort((a, b) => a.revision - b.revision);
  const byRevision = new Map(entries.map((e) => [e.revision, e]));
  const entry = byRevision.get(target);
  if (!entry) {
    const ids = entries.filter((e) => e.type === 'override').map((e) => e.revision);
    return {
      status: 404,
      error: `No override with id ${target}. Overrides: ${ids.length ? ids.slice(-10).join(', ') : '(none yet)'}`,
    };
  }
  const refused = refusal(entry, target, Infinity, revertedRevisions(entries).reverted);
  if (refused) return { status: 409, error: refused };
  if (opts.force || entry.type !== 'override') return null;
  // A notice puts no session anywhere: nothing to double-book, and no replay to pay for.
  if (entry.override.kind === 'alert' || entry.override.kind === 'announce') return null;

  const before = applyOverrides(base, entries).program;
  const last = entries.at(-1)?.revision ?? 0;
  const undo: JournalEntry = { type: 'revert', revision: last + 1, at: entry.at, target };
  const after = applyOverrides(base, [...entries, undo]).program;
  const was = new Map(before.sessions.map((s) => [s.id, s]));
  for (const s of after.sessions) {
    const b = was.get(s.id);
    if (!b || s.cancelled || s.room === null || !placedAnew(b, s)) continue;
    const clash = clashIn(after, s, s.room);
    // A double booking that was there before the undo (a published one) is not the undo's doing.
    if (!clash || (b.room === s.room && !b.cancelled && clashIn(before, b, s.room, clash.id))) continue;
    const o = entry.override;
    const what = 'session' in o && o.session ? `${o.kind} of ${o.session}` : o.kind;
    const room = after.rooms.find((r) => r.id === s.room)?.name ?? s.room;
    return {
      status: 409,
      error:
        `Undoing revision ${target} (${what}) would put ${sessionText(after, s)} in the ${room} with ` +
        `${sessionText(after, clash)}; send force: true to undo anyway`,
    };
  }
  return null;
}

/** The undo gives the session a room or a time it did not have, or makes it live again. */
function placedAnew(before: Session, after: Session): boolean {
  return (
    before.room !== after.room ||
    ms(before.start) !== ms(after.start) ||
    ms(before.end) !== ms(after.end) ||
    (!!before.cancelled && !after.cancelled)
  );
}

/**
 * The program with the alert or announcement `target` taken off (each has its revision as id),
 * or null when `target` is neither in force here, or has a line in `problems` (a room the program
 * lacks: only a replay drops that line). Exactly what replaying the journal without it gives,
 * since nothing else depends on a notice: the host and every screen undo the "all clear" without
 * a replay, and no screen fetches its snapshot for it.
 */
export function withoutNotice(p: Program, target: number, problems: readonly string[]): Program | null {
  const named = `revision ${target} (`;
  if (problems.some((line) => line.startsWith(named))) return null;
  if (p.alerts.some((a) => a.id === target)) return { ...p, alerts: p.alerts.filter((a) => a.id !== target) };
  if (p.announcements.some((a) => a.id === target))
    return { ...p, announcements: p.announcements.filter((a) => a.id !== target) };
  return null;
}
