import type { JournalEntry } from './schema.js';

/**
 * Which overrides the journal's reverts undo. Only overrides can be reverted: reverting a revert
 * (or a clock change) is refused, so "undo the undo" is always a fresh override, visible as such.
 * Entries must be in revision order.
 */
export function revertedRevisions(entries: readonly JournalEntry[]): {
  /** Reverted revision → the revert that undid it. */
  reverted: Map<number, number>;
  problems: string[];
} {
  const reverted = new Map<number, number>();
  const problems: string[] = [];
  const byRevision = new Map(entries.map((e) => [e.revision, e]));
  for (const e of entries) {
    if (e.type !== 'revert') continue;
    const refused = refusal(byRevision.get(e.target), e.target, e.revision, reverted);
    if (refused) problems.push(`revision ${e.revision} (revert): ${refused}; skipped`);
    else reverted.set(e.target, e.revision);
  }
  return { reverted, problems };
}

export function refusal(
  target: JournalEntry | undefined,
  targetRevision: number,
  revision: number,
  reverted: Map<number, number>,
): string | null {
  if (!target) return `there is no revision ${targetRevision} to revert`;
  if (targetRevision >= revision) return `revision ${targetRevision} comes after it`;
  if (target.type === 'revert')
    return `revision ${targetRevision} is itself a revert; reverting a revert is not allowed: send the override again instead`;
  if (target.type === 'clock')
    return `revision ${targetRevision} is a clock change, not an override; set the clock instead`;
  if (target.type === 'program')
    return `revision ${targetRevision} is a program version, not an override; publish the version you want instead`;
  if (target.type !== 'override')
    return `revision ${targetRevision} is a ${target.type} change, not an override; change it again instead`;
  const by = reverted.get(targetRevision);
  if (by !== undefined) return `revision ${targetRevision} is already reverted (by revision ${by})`;
  return null;
}
