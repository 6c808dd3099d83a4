import type { JournalEvent, Snapshot } from '../../core/protocol/index.js';
import type { Program } from '../../core/program/schema.js';
import { applyOverrides } from '../../core/overrides/apply.js';
import { withoutNotice } from '../../core/overrides/revert.js';

/** What a screen does with one `journal` event from the stream. */
export type JournalStep =
  /** Apply it: the next snapshot, exactly what the host would now serve. */
  | { kind: 'next'; snapshot: Snapshot }
  /** Already in the snapshot (the backlog after a fetch): nothing to do. */
  | { kind: 'seen' }
  /** Cannot be applied exactly here (a revert, a gap, a payload we do not understand): refetch. */
  | { kind: 'refetch'; reason: string };

/**
 * The snapshot after one journal entry, without asking the host. Overrides go through core's
 * applyOverrides on the effective program: one at a time equals the whole journal (see
 * tests/unit/core/overrides/apply-incremental.test.ts). A revert needs the journal replayed from
 * the base program, which the page does not hold: that one refetches, but for an alert's or an
 * announcement's (core's withoutNotice), and so does a new program version.
 */
export function stepJournal(s: Snapshot, data: unknown): JournalStep {
  const ev = journalEvent(data);
  if (!ev) return { kind: 'refetch', reason: 'unreadable journal event' };
  const { entry, clock } = ev;
  if (entry.revision <= s.revision) return { kind: 'seen' };
  if (entry.revision !== s.revision + 1)
    return { kind: 'refetch', reason: `revision gap: have ${s.revision}, got ${entry.revision}` };
  const next = { ...s, revision: entry.revision, overrides: [...s.overrides, entry], clock };
  switch (entry.type) {
    case 'clock':
      return { kind: 'next', snapshot: next };
    case 'override': {
      const r = applyOverrides(s.program, [entry]);
      return {
        kind: 'next',
        snapshot: { ...next, program: r.program, problems: [...s.problems, ...r.problems] },
      };
    }
    case 'revert': {
      // An alert or announcement comes off as it went on; any other revert refetches.
      const off = withoutNotice(s.program, entry.target, s.problems);
      return off
        ? { kind: 'next', snapshot: { ...next, program: off } }
        : { kind: 'refetch', reason: `revert of revision ${entry.target}` };
    }
    case 'screen':
      // Staff's registry writes: each screen hears its own directive on its stream; for the
      // program this is only a revision to move on to.
      return { kind: 'next', snapshot: next };
    case 'settings':
      // The whole document is in the entry: screens restyle from it, nothing to replay.
      return { kind: 'next', snapshot: { ...next, settings: entry.settings } };
    case 'program':
      // A new version replaces the base every override applies to: the host replays the journal.
      return { kind: 'refetch', reason: `program version from ${entry.source}` };
    default:
      return { kind: 'refetch', reason: `unknown journal entry type ${(entry as { type: string }).type}` };
  }
}

/**
 * The event's payload. The host validated the entry when it accepted it, and a hello of another
 * protocol reloads the page (wire.ts), so what is left to catch is a cut or garbled frame.
 */
export function journalEvent(data: unknown): JournalEvent | null {
  try {
    const ev = (typeof data === 'string' ? JSON.parse(data) : data) as Partial<JournalEvent> | null;
    return typeof ev?.entry?.revision === 'number' && typeof ev.entry.type === 'string' && ev.clock
      ? (ev as JournalEvent)
      : null;
  } catch {
    return null;
  }
}

/**
 * Every field the same object but the alerts: what an alert's step gives (core copies nothing
 * under alerts), so what is drawn under an alert need not be built again.
 */
export function sameButAlerts(a: Program, b: Program): boolean {
  if (a === b) return true;
  const keys = Object.keys(b) as (keyof Program)[];
  return keys.length === Object.keys(a).length && keys.every((k) => k === 'alerts' || a[k] === b[k]);
}
