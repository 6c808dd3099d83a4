import type { JournalEntry, ScreenEntry } from '../../../../core/overrides/schema.js';

export type StaffWrite = Omit<ScreenEntry, 'type' | 'revision' | 'at'>;

/**
 * A journal in memory for the screen registry's follow(): `write` appends a staff entry and tells
 * the subscribers, as the host's journal does once an append is durable.
 */
export function staffJournal(id = 'journal-under-test', entries: JournalEntry[] = []) {
  const listeners = new Set<(e: JournalEntry) => void>();
  const add = (e: JournalEntry) => {
    entries.push(e);
    for (const l of listeners) l(e);
    return e;
  };
  return {
    id,
    entries,
    subscribe(l: (e: JournalEntry) => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    add,
    write: (w: StaffWrite) =>
      add({ type: 'screen', revision: entries.length + 1, at: '2019-05-20T09:00:00-07:00', ...w }),
  };
}
