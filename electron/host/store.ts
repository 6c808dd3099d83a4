import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { JournalEntry } from '../../core/overrides/schema.js';
import { pathText } from '../../core/program/parse.js';
import { asidePath, JOURNAL_FILE, journalPathIn, readJournalFile } from './journal-file.js';
import { STORE_FILE, STORE_OPTIONS, StoreShape } from './store-schema.js';

export type HostStore = Conf<StoreShape>;

/** Why the file at `path` cannot be our store, or null when it can (or does not exist). */
export function storeFileProblem(path: string): string | null {
  if (!existsSync(path)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return `not valid JSON (${(e as Error).message})`;
  }
  const parsed = StoreShape.safeParse(json);
  if (parsed.success) return null;
  const first = parsed.error.issues[0];
  const where = first?.path.length ? pathText(first.path) : '';
  return `not a Hallway store (${where ? `${where}: ` : ''}${first?.message ?? 'invalid'}${
    parsed.error.issues.length > 1 ? `, and ${parsed.error.issues.length - 1} more problem(s)` : ''
  })`;
}

/**
 * Moves an unreadable or schema-invalid store file aside as `config.corrupt-<timestamp>.json`
 * and says where in one line, so the host starts with fresh settings instead of crash-looping
 * (the journal is a file of its own). Returns the new path, or null when the file was fine or absent.
 * The Electron shell calls this before constructing its electron-store on the same file.
 */
export function quarantineInvalidStore(
  path: string,
  log: (line: string) => void,
  nowMs = Date.now(),
): string | null {
  const problem = storeFileProblem(path);
  if (problem === null) return null;
  const aside = asidePath(path, 'corrupt', 'json', nowMs);
  try {
    renameSync(path, aside);
  } catch {
    // A file we cannot rename (another process holds it on Windows): keep a copy, then drop it.
    copyFileSync(path, aside);
    rmSync(path, { force: true });
  }
  log(
    `store: ${path} is ${problem}; moved it to ${aside} and started with a fresh one (a new admin token; ${JOURNAL_FILE} beside it is not touched)`,
  );
  return aside;
}

/** What a data dir holds, as `hallway now --data` and `export --data` read it. */
export type StoredData = Omit<StoreShape, 'journal'> & { journal: JournalEntry[] };

/**
 * The store and journal of `dataDir` read without changing anything (for `hallway now --data`):
 * null when there is neither; throws saying what is wrong when one is unusable. A torn last
 * journal line (never acknowledged) is left out, as `serve` would set it aside.
 */
export function readStoreFile(dataDir: string): StoredData | null {
  const path = join(dataDir, STORE_FILE);
  const problem = storeFileProblem(path);
  if (problem !== null)
    throw new Error(
      `the store ${path} is ${problem}; \`hallway serve --data ${dataDir}\` would move it aside`,
    );
  const conf = existsSync(path) ? StoreShape.parse(JSON.parse(readFileSync(path, 'utf8'))) : null;
  const file = readJournalFile(dataDir);
  if (conf === null && file === null) return null;
  if (file?.bad && !file.bad.last)
    throw new Error(
      `line ${file.bad.line} of the journal ${journalPathIn(dataDir)} is ${file.bad.reason}; ` +
        `\`hallway serve --data ${dataDir}\` would keep the entries before it and set the rest aside`,
    );
  // The store's own journal is one an older version wrote and no host has moved out yet.
  const journal = file?.entries.length ? file.entries : (conf?.journal ?? []);
  return { ...(conf ?? StoreShape.parse({})), journal };
}

/** Opens the conf store in `dataDir`, after quarantining a bad file. */
export function openStore(dataDir: string, log: (line: string) => void): HostStore {
  quarantineInvalidStore(join(dataDir, STORE_FILE), log);
  return new Conf<StoreShape>({ ...STORE_OPTIONS, cwd: dataDir });
}

/** The same check for a store the shell opened: its file is moved aside and the store cleared. */
export function adoptStore(store: HostStore, log: (line: string) => void): HostStore {
  if (quarantineInvalidStore(store.path, log) !== null) store.clear();
  return store;
}

export const newToken = (): string => randomBytes(24).toString('base64url');

/** The admin token, made at first start. */
export function ensureToken(store: HostStore): string {
  const token = store.get('token');
  if (token) return token;
  const made = newToken();
  store.set('token', made);
  return made;
}

export function rotateToken(store: HostStore): string {
  const made = newToken();
  store.set('token', made);
  return made;
}
