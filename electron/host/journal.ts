import type { JournalEntry } from '../../core/overrides/schema.js';
import type { HostStore } from './store.js';
import type { StoreSettings } from './store-schema.js';

/** A journal entry before it has its revision. */
export type NewEntry = JournalEntry extends infer E
  ? E extends JournalEntry
    ? Omit<E, 'revision'>
    : never
  : never;

type Listener = (entry: JournalEntry) => void;

/**
 * The append-only log of everything the host accepted. An entry is on disk (conf writes
 * atomically and synchronously) before `append` returns, so an answered request is never lost.
 */
export class Journal {
  #entries: JournalEntry[];
  #listeners = new Set<Listener>();

  constructor(private readonly store: HostStore) {
    this.#entries = [...store.get('journal')];
  }

  get revision(): number {
    return this.#entries.at(-1)?.revision ?? 0;
  }

  get entries(): readonly JournalEntry[] {
    return this.#entries;
  }

  /** Entries after `revision`, in order. */
  since(revision: number): JournalEntry[] {
    // Revisions grow by one from 1, but a search keeps this right if a store ever skips one.
    let i = this.#entries.length;
    while (i > 0 && (this.#entries[i - 1]?.revision ?? 0) > revision) i--;
    return this.#entries.slice(i);
  }

  find(revision: number): JournalEntry | undefined {
    return this.#entries.find((e) => e.revision === revision);
  }

  /** Persists the entry (with `settings` in the same write), then tells the listeners. */
  append(entry: NewEntry, settings?: StoreSettings): JournalEntry {
    const full = { ...entry, revision: this.revision + 1 } as JournalEntry;
    const next = [...this.#entries, full];
    if (settings) this.store.set({ journal: next, settings: { ...this.store.get('settings'), ...settings } });
    else this.store.set('journal', next);
    this.#entries = next;
    for (const l of this.#listeners) {
      try {
        l(full);
      } catch {
        // A broken stream must not undo an entry that is already on disk.
      }
    }
    return full;
  }

  /** Calls `listener` for every entry appended from now on; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
