import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { JournalEntry } from '../../core/overrides/schema.js';
import { checkedPrefix, recordChecked } from './journal-checked.js';
import { asidePath, type BadLine, parseJournal, writeAll, writeDurably } from './journal-file.js';

/** A journal entry before it has its revision. */
export type NewEntry = JournalEntry extends infer E
  ? E extends JournalEntry
    ? Omit<E, 'revision'>
    : never
  : never;

type Listener = (entry: JournalEntry) => void;

/**
 * The journal moved past the revision a change was checked against (another host wrote first):
 * wait for `last`, check the change again, and retry or refuse it.
 */
export class StaleRevision extends Error {
  constructor(readonly last: number) {
    super(`the journal is at revision ${last} already`);
  }
}

/** The journal cannot take writes now (the cluster has no quorum): answered 503 with this message. */
export class JournalUnavailable extends Error {}

/**
 * Where a new entry becomes durable before it counts. Without one, the journal's own file; a
 * cluster (cluster/nats-journal.ts) stores it in a replicated stream, which hands every entry,
 * its own included, back in order through `receive`: the file is then this host's cache of it.
 */
export interface JournalReplica {
  /**
   * Stores `entry` (revision `after` + 1) only if the replica is still at `after`; resolves with
   * the revision it was stored at. Throws StaleRevision when it is past `after`, JournalUnavailable
   * when it cannot store anything now.
   */
  publish(entry: JournalEntry, after: number): Promise<number>;
}

/** The file calls an append makes; a test swaps them for a disk that fails. */
export interface JournalIo {
  writeSync: (fd: number, buf: Buffer, offset: number, length: number) => number;
  fsyncSync: (fd: number) => void;
  ftruncateSync: (fd: number, len: number) => void;
}

const NODE_IO: JournalIo = { writeSync, fsyncSync, ftruncateSync };

/** How long an append stored by the replica waits for it to come back through `receive`. */
const REACH_WAIT_MS = 5_000;

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
  #id: string;
  /** The id was given (kept from before), not made up at this open. */
  #named: boolean;
  #replica: JournalReplica | null = null;
  #log: (line: string) => void;
  /** The cache could not be written: the cluster has the entries, this file stops being kept. */
  #cacheOff = false;
  #waiters: { revision: number; resolve: () => void }[] = [];

  constructor(
    readonly path: string,
    opts: JournalOptions = {},
  ) {
    const log = opts.log ?? (() => {});
    this.#log = log;
    this.#id = opts.id ?? randomBytes(6).toString('base64url');
    this.#named = opts.id !== undefined;
    this.#io = { ...NODE_IO, ...opts.io };
    this.#fd = openSync(path, 'a+', 0o600);
    try {
      const bytes = readFileSync(this.#fd);
      const checked = checkedPrefix(path, bytes);
      const parsed = parseJournal(bytes, checked);
      this.#entries = parsed.entries;
      this.#size = parsed.bad ? parsed.bad.offset : bytes.length;
      if (this.#size > checked) recordChecked(path, bytes, this.#size);
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

  /** Names this journal to screens resuming their stream: revisions count within one journal. */
  get id(): string {
    return this.#id;
  }

  /**
   * From now on entries become durable in `replica` and arrive through `receive`, never written
   * here first: until the replica can store them, appends are refused (JournalUnavailable).
   */
  replicate(replica: JournalReplica): void {
    this.#replica = replica;
  }

  /**
   * Names this journal after its replica's identity (the stream's). Refused when the file
   * caches entries of another journal, named before: they must not be mixed with its own.
   */
  adopt(id: string): void {
    if (id !== this.#id && this.#named && this.#entries.length)
      throw new Error(
        `${this.path} caches another journal (${this.#id}) than the cluster's (${id}): move it aside and start again`,
      );
    this.#id = id;
    this.#named = true;
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
   * Makes the entry durable as revision `after` + 1 (default: the revision now), then tells the
   * listeners. Without a replica it is one line written and fsynced here, before this returns a
   * promise (so no other append comes in between); with one, the replica stores it and the entry
   * counts once it came back through `receive`. A journal past `after` throws StaleRevision; a
   * failed write (disk full, read-only, no quorum) throws and leaves the journal as it was.
   */
  async append(entry: NewEntry, opts: { after?: number } = {}): Promise<JournalEntry> {
    const after = opts.after ?? this.revision;
    const full = { ...entry, revision: after + 1 } as JournalEntry;
    if (!this.#replica) {
      if (after !== this.revision) throw new StaleRevision(this.revision);
      this.#write(Buffer.from(`${JSON.stringify(full)}\n`));
      this.#add(full);
      return full;
    }
    const revision = await this.#replica.publish(full, after);
    // Stored on a quorum: acknowledged. Its coming back is waited for (so this host shows what it
    // answered), but a follow that stalls must not hold the answer.
    await Promise.race([this.reach(revision), new Promise((r) => setTimeout(r, REACH_WAIT_MS))]);
    return this.find(revision) ?? { ...full, revision };
  }

  /**
   * An entry the replica stored (this host's or another's), in order: kept in the cache file and
   * told to the listeners. One at or before the revision now is a repeat and is dropped.
   */
  receive(entry: JournalEntry): void {
    if (entry.revision <= this.revision) return;
    if (!this.#cacheOff)
      try {
        this.#write(Buffer.from(`${JSON.stringify(entry)}\n`));
      } catch (e) {
        this.#cacheOff = true;
        this.#log(`journal: ${(e as Error).message}; the cluster keeps the journal, this cache stops here`);
      }
    this.#add(entry);
  }

  /** Resolves once the journal is at `revision` or past it. */
  reach(revision: number): Promise<void> {
    if (this.revision >= revision) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ revision, resolve }));
  }

  #add(full: JournalEntry): void {
    this.#entries.push(full);
    for (const l of this.#listeners) {
      try {
        l(full);
      } catch {
        // A broken stream must not undo an entry that is already on disk.
      }
    }
    const due = this.#waiters.filter((w) => w.revision <= full.revision);
    if (!due.length) return;
    this.#waiters = this.#waiters.filter((w) => w.revision > full.revision);
    for (const w of due) w.resolve();
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
