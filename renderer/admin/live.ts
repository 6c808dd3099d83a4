import type { JournalEntry, OverrideEntry } from '../../core/overrides/schema.js';
import type { Program } from '../../core/program/schema.js';
import { formatClock, ms } from '../../core/time/venue.js';
import { describeOverride } from './journal.js';

/** One change still in force, as the "Live now" panel lists it. */
export interface LiveRow {
  revision: number;
  kind: 'alert' | 'announce' | 'cancel' | 'delay' | 'move';
  text: string;
  /** "until 6:30 PM", "from 2:00 PM until 6:30 PM"; null when it has no end but an undo. */
  when: string | null;
  entry: OverrideEntry;
}

const ORDER: LiveRow['kind'][] = ['alert', 'announce', 'cancel', 'delay', 'move'];

/**
 * Every alert, announcement, cancellation, delay and move still in force at `now`: not undone,
 * an announcement not past its end, a session change whose session is not over. Ending one is
 * the undo of its journal entry. Alerts first (they cover every screen), then by kind, newest first.
 */
export function liveRows(entries: readonly JournalEntry[], program: Program, now: number): LiveRow[] {
  const reverted = new Set(entries.flatMap((e) => (e.type === 'revert' ? [e.target] : [])));
  const endOf = (id: string | undefined) => {
    const s = program.sessions.find((x) => x.id === id || x.talks.some((t) => t.id === id));
    return s ? ms(s.end) : -Infinity;
  };
  const rows: LiveRow[] = [];
  for (const e of entries) {
    if (e.type !== 'override' || reverted.has(e.revision)) continue;
    const o = e.override;
    const text = describeOverride(program, o, program.conference.timeZone);
    const row = (kind: LiveRow['kind'], when: string | null = null) =>
      rows.push({ revision: e.revision, kind, text, when, entry: e });
    switch (o.kind) {
      case 'alert':
        row('alert');
        break;
      case 'announce': {
        if (o.until && ms(o.until) <= now) break;
        const from = o.from && ms(o.from) > now ? `from ${formatClock(program, ms(o.from))} ` : '';
        row('announce', `${from}${o.until ? `until ${formatClock(program, ms(o.until))}` : 'no end set'}`);
        break;
      }
      case 'cancel':
        if (endOf(o.talk ?? o.session) > now) row('cancel');
        break;
      case 'delay':
      case 'move':
        if (endOf(o.session) > now) row(o.kind);
        break;
    }
  }
  return rows.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || b.revision - a.revision);
}
