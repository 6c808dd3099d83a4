import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { JournalEntry, ProgramEntry } from '../../core/overrides/schema.js';
import { parseProgram } from '../../core/program/parse.js';
import type { StoredProgram } from '../../core/program/schema.js';

export const PROGRAMS_DIR = 'programs';

const hashOf = (json: string) => createHash('sha256').update(json).digest('hex');

/** The hash a program is stored under: sha256 of its JSON as written. */
export const programHash = (program: StoredProgram): string => hashOf(JSON.stringify(program));

/**
 * Program versions, content-addressed: `programs/<sha256>.json` in the data dir. The journal's
 * 'program' entries name a version by its hash; the file is on disk (fsynced, renamed into place)
 * before the entry is appended, so a journalled version is never missing for a crash.
 */
export class ProgramFiles {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, PROGRAMS_DIR);
  }

  /** Writes the program unless that version is already there; returns its hash. */
  save(program: StoredProgram): string {
    const json = JSON.stringify(program);
    const hash = hashOf(json);
    const path = join(this.dir, `${hash}.json`);
    if (existsSync(path)) return hash;
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      const fd = openSync(tmp, 'w', 0o644);
      try {
        writeSync(fd, json);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, path);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw new Error(`cannot store the program version in ${this.dir}: ${(e as Error).message}`, {
        cause: e,
      });
    }
    syncDir(this.dir);
    return hash;
  }

  /** The stored version, checked against its hash and the schema; throws saying what is wrong. */
  load(hash: string): StoredProgram {
    const path = join(this.dir, `${hash}.json`);
    let json: string;
    try {
      json = readFileSync(path, 'utf8');
    } catch (e) {
      throw new Error(
        `${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        { cause: e },
      );
    }
    if (hashOf(json) !== hash) throw new Error(`${path}: its content does not match its name (damaged)`);
    const r = parseProgram(json);
    if (!r.ok) throw new Error(`${path}: not a valid program (${r.errors.slice(0, 3).join('; ')})`);
    return r.program;
  }
}

function syncDir(dir: string): void {
  // The rename is durable once the directory is synced; Windows cannot open a directory for it.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}

/**
 * Which program version is in force at each revision: the latest 'program' entry before it
 * whose file loads, else the initial program (the --program file or the embedded one). Versions
 * load lazily and once; one that cannot be read is logged and passed over, so a damaged file
 * falls back to the last good version instead of stopping the host.
 */
export class ProgramVersions {
  readonly initialHash: string;
  #loaded = new Map<number, StoredProgram | null>();

  constructor(
    readonly initial: StoredProgram,
    private readonly files: ProgramFiles | null,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.initialHash = programHash(initial);
  }

  /** Stores a version's file (before its entry is journalled); returns its hash. */
  save(program: StoredProgram): string {
    if (!this.files) throw new Error('this host keeps no program versions (no data dir)');
    return this.files.save(program);
  }

  load(hash: string): StoredProgram {
    if (!this.files) throw new Error('this host keeps no program versions (no data dir)');
    return this.files.load(hash);
  }

  /** Records the program of an entry just appended, so it is not read back from disk. */
  prime(entry: ProgramEntry, program: StoredProgram): void {
    this.#loaded.set(entry.revision, program);
  }

  /** The version in force for an entry at `revision` (the latest loadable one before it). */
  before(entries: readonly JournalEntry[], revision: number): { program: StoredProgram; hash: string } {
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (e.revision >= revision || e.type !== 'program') continue;
      const program = this.#programOf(e);
      if (program) return { program, hash: e.hash };
    }
    return { program: this.initial, hash: this.initialHash };
  }

  /** The version in force now. */
  current(entries: readonly JournalEntry[]): { program: StoredProgram; hash: string } {
    return this.before(entries, Infinity);
  }

  #programOf(e: ProgramEntry): StoredProgram | null {
    if (this.#loaded.has(e.revision)) return this.#loaded.get(e.revision) ?? null;
    let program: StoredProgram | null = null;
    try {
      program = this.load(e.hash);
    } catch (err) {
      this.log(
        `program: revision ${e.revision} (from ${e.source}) cannot be used, the version before it stays: ${(err as Error).message}`,
      );
    }
    this.#loaded.set(e.revision, program);
    return program;
  }
}

/**
 * The program in force in `dataDir` for tools that read it without a host (`hallway now`,
 * `hallway export`): the journal's latest good version, else `initial`.
 */
export function programInForce(
  dataDir: string,
  journal: readonly JournalEntry[],
  initial: StoredProgram,
  log: (line: string) => void,
): StoredProgram {
  return new ProgramVersions(initial, new ProgramFiles(dataDir), log).current(journal).program;
}
