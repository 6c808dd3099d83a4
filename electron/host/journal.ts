import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { JournalEntry } from '../../core/overrides/schema.js';
import { asidePath, type BadLine, parseJournal, writeAll, writeDurably } from './journal-file.js';

/** A journal entry before it has its revision. */
export type NewEntry = JournalEntry extends infer E
  ? E extends JournalEntry
    ? Omit<E, 'revision'>
    : never
  : never;

type Listener = (entry: JournalEntry) => void;

/** The file calls an append makes; a test swaps them for a disk that fails. */
export interface JournalIo {
  writeSync: (fd: number, buf: Buffer, offset: number, length: number) => number;
  fsyncSync: (fd: number) => void;
  ftruncateSync: (fd: number, len: number) => void;
}

const NODE_IO: JournalIo = { writeSync, fsyncSync, ftruncateSync };

export interface JournalOptions {
  log?: (line: string) => void;
  /** Names this journal to screens resuming their stream (default: a new one at each open). */
  id?: string;
  io?: Partial<JournalIo>;
  nowMs?: number;
}

/**
 * The append-only log of everything the host accepted, in `journal.jsonl`: one JSON line per
 * entry, written and fsynced before `append` returns, so an answered request is never lost. The
 * file is read and validated once, here; an append writes one line and reads nothing, so its
 * cost does not grow with the journal.
 */
export class Journal {
  #entries: JournalEntry[];
  #listeners = new Set<Listener>();
  #fd: number;
  /** Bytes of good lines in the file: where a failed append is cut back to. */
  #size: number;
  /** A failed append could not be cut back: the next one must cut first. */
  #dirty = false;
  #io: JournalIo;
  readonly id: string;

  constructor(
    readonly path: string,
    opts: JournalOptions = {},
  ) {
    const log = opts.log ?? (() => {});
    this.id = opts.id ?? randomBytes(6).toString('base64url');
    this.#io = { ...NODE_IO, ...opts.io };
    this.#fd = openSync(path, 'a+', 0o600);
    try {
      const bytes = readFileSync(this.#fd);
      const parsed = parseJournal(bytes);
      this.#entries = parsed.entries;
      this.#size = parsed.bad ? parsed.bad.offset : bytes.length;
      if (parsed.bad) this.#setAside(bytes, parsed.bad, log, opts.nowMs ?? Date.now());
      // A last line written without its newline (cut just before it) is whole: end it.
      if (parsed.unterminated) this.#write(Buffer.from('\n'));
    } catch (e) {
      closeSync(this.#fd);
      throw e;
    }
  }

  /** Moves the bad line and all after it to a file beside the journal, and says so in one line. */
  #setAside(bytes: Buffer, bad: BadLine, log: (line: string) => void, nowMs: number): void {
    const kept = this.#entries.length;
    const upTo = kept ? ` (revisions up to ${this.revision})` : '';
    const aside = asidePath(this.path, bad.last ? 'torn' : 'invalid', 'jsonl', nowMs);
    // The copy is on disk before the journal is cut: a crash in between keeps the lines twice, not never.
    writeDurably(aside, bytes.subarray(bad.offset));
    this.#io.ftruncateSync(this.#fd, bad.offset);
    this.#io.fsyncSync(this.#fd);
    if (bad.last)
      log(
        `journal: the last line of ${this.path} is torn (${bad.reason}): a write cut short by a crash, never acknowledged; ` +
          `moved it to ${aside} and kept the ${kept} entries before it${upTo}`,
      );
    else
      log(
        `journal: WARNING: line ${bad.line} of ${this.path} is ${bad.reason}; kept the ${kept} entries before it${upTo} ` +
          `and moved it and the ${bad.lines - 1} line(s) after it to ${aside}. Those may hold acknowledged changes: ` +
          `check that file and enter again what is missing`,
      );
  }

  get revision(): number {
    return this.#entries.at(-1)?.revision ?? 0;
  }

  get entries(): readonly JournalEntry[] {
    return this.#entries;
  }

  /** Entries after `revision`, in order. */
  since(revision: number): JournalEntry[] {
    // Revisions grow by one from 1, but a search keeps this right if a journal ever skips one.
    let i = this.#entries.length;
    while (i > 0 && (this.#entries[i - 1]?.revision ?? 0) > revision) i--;
    return this.#entries.slice(i);
  }

  find(revision: number): JournalEntry | undefined {
    let lo = 0;
    let hi = this.#entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = this.#entries[mid]!;
      if (e.revision === revision) return e;
      if (e.revision < revision) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /**
   * Writes the entry as one line and fsyncs it, then tells the listeners. A failed write (disk
   * full, read-only) throws and leaves the journal as it was, in memory and on disk.
   */
  append(entry: NewEntry): JournalEntry {
    const full = { ...entry, revision: this.revision + 1 } as JournalEntry;
    this.#write(Buffer.from(`${JSON.stringify(full)}\n`));
    this.#entries.push(full);
    for (const l of this.#listeners) {
      try {
        l(full);
      } catch {
        // A broken stream must not undo an entry that is already on disk.
      }
    }
    return full;
  }

  #write(buf: Buffer): void {
    if (this.#dirty) this.#cutBack();
    try {
      writeAll(this.#fd, buf, this.#io.writeSync);
      this.#io.fsyncSync(this.#fd);
    } catch (e) {
      this.#dirty = true;
      try {
        this.#cutBack();
      } catch {
        // Still dirty: the next append cuts back before it writes, or fails saying so.
      }
      const code = (e as NodeJS.ErrnoException).code;
      throw new Error(
        `could not write the journal ${this.path}${code ? ` (${code})` : ''}: ${(e as Error).message}; nothing was changed`,
        { cause: e },
      );
    }
    this.#size += buf.length;
  }

  /** Cuts the file back to its good lines (a partial line from a failed write must not stay). */
  #cutBack(): void {
    this.#io.ftruncateSync(this.#fd, this.#size);
    this.#io.fsyncSync(this.#fd);
    this.#dirty = false;
  }

  /** Calls `listener` for every entry appended from now on; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Bytes on disk (for tests: an append adds exactly its line). */
  get size(): number {
    return fstatSync(this.#fd).size;
  }

  close(): void {
    try {
      closeSync(this.#fd);
    } catch {
      // Already closed.
    }
  }
}
