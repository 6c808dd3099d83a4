import type { SettingsEntry } from '../../core/overrides/schema.js';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings/schema.js';
import type { Journal } from './journal.js';
import type { HostStore } from './store.js';
import type { KeptSettings } from './store-schema.js';

/**
 * The screens' settings in force. Each change is journalled first (so every screen gets it on
 * the stream, and a resuming one in its replay), then kept in the store: the latest `settings`
 * entry wins, and the store's copy covers a journal that lost it (set aside at start: the copy
 * names its journal and revision). Never set: the defaults, today's look.
 */
export class HostSettings {
  #latest: { revision: number; settings: Settings } | null = null;
  /** Journal revision up to which #latest was looked for. */
  #scanned = 0;

  constructor(
    private readonly journal: Journal,
    private readonly kept: KeptSettings | undefined = undefined,
    private readonly keep: (kept: KeptSettings) => void = () => {},
  ) {}

  /** The document in force and the revision of its entry (0: never set). */
  current(): { revision: number; settings: Settings } {
    // Scans only what was appended since the last call: a settings read costs the same at any size.
    for (const e of this.journal.since(this.#scanned))
      if (e.type === 'settings') this.#latest = { revision: e.revision, settings: e.settings };
    this.#scanned = this.journal.revision;
    const kept = this.kept;
    if (kept && kept.journal === this.journal.id && kept.revision > (this.#latest?.revision ?? 0))
      return { revision: kept.revision, settings: kept.settings };
    return this.#latest ?? { revision: 0, settings: DEFAULT_SETTINGS };
  }

  /** Journals `settings` as the document in force (throws when the journal cannot be written). */
  put(settings: Settings, at: string): SettingsEntry {
    const entry = this.journal.append({ type: 'settings', at, settings }) as SettingsEntry;
    this.keep({ journal: this.journal.id, revision: entry.revision, settings });
    return entry;
  }
}

/** Keeps the document in the store's settings, beside the clock. */
export function keepSettingsIn(store: HostStore, log: (line: string) => void): (kept: KeptSettings) => void {
  return (kept) => {
    try {
      store.set('settings', { ...store.get('settings'), screens: kept });
    } catch (e) {
      // Journalled (and so acknowledged): the journal has it.
      log(`settings: could not keep them in ${store.path} (${(e as Error).message}); the journal has them`);
    }
  };
}
