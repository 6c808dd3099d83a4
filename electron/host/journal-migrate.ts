import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JournalEntry } from '../../core/overrides/schema.js';
import { Journal, type JournalOptions } from './journal.js';
import {
  asidePath,
  journalPathIn,
  parseJournal,
  replaceDurably,
  syncDir,
  writeDurably,
} from './journal-file.js';
import type { HostStore } from './store.js';

const toLines = (entries: readonly JournalEntry[]) => entries.map((e) => `${JSON.stringify(e)}\n`).join('');

const isPrefix = (short: readonly JournalEntry[], long: readonly JournalEntry[]) =>
  short.length <= long.length && short.every((e, i) => JSON.stringify(e) === JSON.stringify(long[i]));

/**
 * Moves the journal an older Hallway kept inside its conf store (the `journal` key) into
 * `journal.jsonl`: the file is written and fsynced first, the key removed after, so a crash in
 * between only means doing it again. A journal file that already holds those entries (that
 * crash) is kept; one that holds others is kept too, and the store's entries are set aside.
 */
export function migrateStoreJournal(
  store: HostStore,
  path: string,
  log: (line: string) => void,
  nowMs = Date.now(),
): void {
  if (!store.has('journal')) return;
  const legacy = store.get('journal') ?? [];
  if (legacy.length) {
    const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    const existing = parseJournal(bytes).entries;
    if (existing.length === 0) {
      if (bytes.length) {
        const aside = asidePath(path, 'replaced', 'jsonl', nowMs);
        renameSync(path, aside);
        log(`journal: ${path} held no entry; moved it to ${aside} before moving the store's journal in`);
      }
      replaceDurably(path, toLines(legacy));
      log(`journal: moved ${legacy.length} entries from ${store.path} to ${path}`);
    } else if (!isPrefix(legacy, existing)) {
      const aside = asidePath(path, 'from-config', 'json', nowMs);
      writeDurably(aside, JSON.stringify(legacy, null, 2));
      syncDir(dirname(aside));
      log(
        `journal: WARNING: ${store.path} and ${path} both hold a journal and they differ; kept ${path} ` +
          `and moved the store's ${legacy.length} entries to ${aside}: check that file and enter again what is missing`,
      );
    }
  }
  store.delete('journal');
}

/**
 * The journal's name, kept in the settings: screens resume their stream across host restarts
 * only in the same journal. A store or a journal file made anew names it anew: screens refetch once.
 */
function journalId(store: HostStore, fresh: boolean): string {
  const kept = store.get('settings').journal;
  if (!fresh && typeof kept === 'string' && kept) return kept;
  const made = randomBytes(9).toString('base64url');
  store.set('settings', { ...store.get('settings'), journal: made });
  return made;
}

/** The data dir's journal, after moving in a journal the store still holds. */
export function openJournal(
  dataDir: string,
  store: HostStore,
  log: (line: string) => void,
  opts: Omit<JournalOptions, 'log'> = {},
): Journal {
  const path = journalPathIn(dataDir);
  migrateStoreJournal(store, path, log, opts.nowMs);
  const id = journalId(store, !existsSync(path));
  return new Journal(path, { ...opts, log, id });
}
