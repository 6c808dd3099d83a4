import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { JournalEntry } from '../../core/overrides/schema.js';
import { pathText } from '../../core/program/parse.js';

/** The journal of a data dir: one JSON line per entry, in revision order. */
export const JOURNAL_FILE = 'journal.jsonl';

export const journalPathIn = (dataDir: string): string => join(dataDir, JOURNAL_FILE);

/** Where a journal file stops being a journal, and why. */
export interface BadLine {
  /** 1-based line number. */
  line: number;
  reason: string;
  /** Byte offset where the bad line starts: everything before it is good. */
  offset: number;
  /** True when nothing follows the bad line (a write cut short by a crash). */
  last: boolean;
  /** How many lines, the bad one included, start at `offset`. */
  lines: number;
}

export interface ParsedJournal {
  entries: JournalEntry[];
  bad: BadLine | null;
  /** The last good line lacks its newline (written, cut before the '\n'). */
  unterminated: boolean;
}

const NEWLINE = 0x0a;

/** `checked`: a start validated this very line before (journal-checked.ts), only its JSON is read. */
function lineProblem(
  text: string,
  prev: number,
  checked: boolean,
): { entry: JournalEntry } | { reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { reason: `not JSON (${(e as Error).message})` };
  }
  let entry = json as JournalEntry;
  if (!checked) {
    const parsed = JournalEntry.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${pathText(issue.path)}: ` : '';
      return { reason: `not a journal entry (${where}${issue?.message ?? 'invalid'})` };
    }
    entry = parsed.data;
  }
  // Resume by Last-Event-ID relies on revisions only ever growing.
  if (entry.revision <= prev)
    return { reason: `revision ${entry.revision} is not greater than the one before (${prev})` };
  return { entry };
}

/**
 * Reads journal bytes: the good entries, and the first line that is not one (with where it
 * starts). Lines within the first `checked` bytes were validated by an earlier start.
 */
export function parseJournal(bytes: Buffer, checked = 0): ParsedJournal {
  const entries: JournalEntry[] = [];
  let pos = 0;
  let line = 0;
  while (pos < bytes.length) {
    line++;
    const nl = bytes.indexOf(NEWLINE, pos);
    const end = nl === -1 ? bytes.length : nl;
    const got = lineProblem(bytes.toString('utf8', pos, end), entries.at(-1)?.revision ?? 0, end <= checked);
    if ('reason' in got) {
      let lines = 1;
      for (let p = nl; p !== -1 && p + 1 < bytes.length; p = bytes.indexOf(NEWLINE, p + 1)) lines++;
      const last = nl === -1 || nl + 1 >= bytes.length;
      return { entries, bad: { line, reason: got.reason, offset: pos, last, lines }, unterminated: false };
    }
    entries.push(got.entry);
    if (nl === -1) return { entries, bad: null, unterminated: true };
    pos = nl + 1;
  }
  return { entries, bad: null, unterminated: false };
}

/** The journal file of `dataDir` read without changing anything: null when there is none. */
export function readJournalFile(dataDir: string): ParsedJournal | null {
  const path = journalPathIn(dataDir);
  return existsSync(path) ? parseJournal(readFileSync(path)) : null;
}

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[:.]/g, '-');

/** A free name beside `path`: `<name>.<what>-<timestamp>[-n].<ext>`. */
export function asidePath(path: string, what: string, ext: string, nowMs = Date.now()): string {
  const name = basename(path).replace(/\.[^.]+$/, '');
  const base = join(dirname(path), `${name}.${what}-${stamp(nowMs)}`);
  let aside = `${base}.${ext}`;
  for (let n = 1; existsSync(aside); n++) aside = `${base}-${n}.${ext}`;
  return aside;
}

/** Writes `bytes` to a new file and has them on disk before returning. */
export function writeDurably(path: string, bytes: Buffer | string, mode = 0o600): void {
  const fd = openSync(path, 'wx', mode);
  try {
    writeAll(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces `path` with `bytes` atomically: a temp file, fsynced, renamed over it, the dir fsynced. */
export function replaceDurably(path: string, bytes: Buffer | string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeDurably(tmp, bytes);
  renameSync(tmp, path);
  syncDir(dirname(path));
}

/** A rename or a new file is durable only once its directory is (POSIX); Windows has no dir fds. */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeAll(
  fd: number,
  buf: Buffer,
  write: (fd: number, buf: Buffer, offset: number, length: number) => number = writeSync,
): void {
  for (let off = 0; off < buf.length;) off += write(fd, buf, off, buf.length - off);
}
