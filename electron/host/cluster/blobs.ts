import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type JetStreamClient, type ObjectStore, StorageType } from 'nats';
import type { JournalEntry } from '../../../core/overrides/schema.js';
import { IMAGES_DIR } from '../images.js';
import { JournalUnavailable } from '../journal.js';
import { syncDir, writeDurably } from '../journal-file.js';
import { PROGRAMS_DIR } from '../programs.js';

/** How long one fetch of a blob may take before it is tried again (a node gone mid-transfer). */
const FETCH_TIMEOUT_MS = 10_000;
const RETRY_MS = 1_000;

/** A file an entry names by the sha256 of its bytes, by its path in the data dir. */
export interface Blob {
  /** `programs/<hash>.json` or `images/<hash>.<ext>`: its name in the bucket too. */
  name: string;
  hash: string;
}

/** The object store bucket beside a stream (NATS allows letters, digits, _ and - in its name). */
export const bucketOf = (stream: string) => `hallway_${stream}_blobs`;

/** The files `entry` names: a program version, or every image the settings show. */
export function blobsOf(entry: JournalEntry): Blob[] {
  if (entry.type === 'program') return [{ name: `${PROGRAMS_DIR}/${entry.hash}.json`, hash: entry.hash }];
  if (entry.type !== 'settings') return [];
  const found = new Map<string, Blob>();
  // Every image reference wherever the settings hold one (theme, slides, logos): their shape
  // ({hash, ext, ...}) is what the store's names are made of.
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.hash === 'string' && /^[0-9a-f]{64}$/.test(o.hash) && typeof o.ext === 'string') {
      const name = `${IMAGES_DIR}/${o.hash}.${o.ext}`;
      found.set(name, { name, hash: o.hash });
    }
    Object.values(o).forEach(walk);
  };
  walk(entry.settings);
  return [...found.values()];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Program versions and images of one cluster in a JetStream Object Store bucket, replicated
 * like the stream: a host puts the files an entry names there before it publishes the entry,
 * and a host receiving an entry whose files it lacks fetches them (checked against their hash,
 * written atomically) before it applies the entry.
 */
export class ClusterBlobs {
  #store: Promise<ObjectStore> | null = null;
  /** Names known to be in the bucket: put or seen there by this host. */
  #there = new Set<string>();

  constructor(
    readonly dataDir: string,
    readonly bucket: string,
    readonly js: JetStreamClient,
    readonly replicas: number,
    readonly log: (line: string) => void,
  ) {}

  #open(): Promise<ObjectStore> {
    // Opened at first use; one that failed (no quorum yet) is opened again at the next.
    this.#store ??= this.js.views
      .os(this.bucket, { storage: StorageType.File, replicas: this.replicas })
      .catch((e: unknown) => {
        this.#store = null;
        throw e;
      });
    return this.#store;
  }

  /** Puts every file `entry` names into the bucket unless it is there; throws JournalUnavailable. */
  async ensure(entry: JournalEntry): Promise<void> {
    for (const blob of blobsOf(entry)) await this.#put(blob);
  }

  /**
   * Puts a file just stored here (an uploaded image) into the bucket at once, so settings that
   * name it may be saved at any host; a failure is only logged: `ensure` tries again then.
   */
  async share(blob: Blob): Promise<void> {
    try {
      await this.#put(blob);
    } catch (e) {
      this.log(`cluster: ${blob.name} stays on this host for now: ${(e as Error).message}`);
    }
  }

  async #put(blob: Blob): Promise<void> {
    if (this.#there.has(blob.name)) return;
    const path = join(this.dataDir, blob.name);
    try {
      const os = await this.#open();
      const info = await os.info(blob.name);
      if (!info || info.deleted) {
        if (!existsSync(path))
          throw new JournalUnavailable(
            `${blob.name} is neither in this host's data dir nor in the cluster's bucket ${this.bucket}: upload it again, then save again; nothing was changed`,
          );
        await os.putBlob({ name: blob.name }, readFileSync(path));
      }
      this.#there.add(blob.name);
    } catch (e) {
      if (e instanceof JournalUnavailable) throw e;
      this.#store = null;
      throw new JournalUnavailable(
        `could not store ${blob.name} in the NATS cluster's bucket ${this.bucket} (${(e as Error).message}): nothing was changed; screens go on showing, try again in a few seconds`,
        { cause: e },
      );
    }
  }

  /**
   * Fetches every file `entry` names that this host lacks, retried until it is there (or
   * `closed()`): the entry must not be applied without them, and entries go in order.
   */
  async fetch(entry: JournalEntry, closed: () => boolean): Promise<void> {
    for (const blob of blobsOf(entry)) {
      const path = join(this.dataDir, blob.name);
      for (let attempt = 0; !existsSync(path) && !closed(); attempt++) {
        let why: string;
        try {
          const bytes = await this.#get(blob.name);
          if (bytes && sha256(bytes) === blob.hash) {
            writeAtomically(path, bytes);
            this.#there.add(blob.name);
            if (attempt) this.log(`cluster: got ${blob.name} for revision ${entry.revision}`);
            break;
          }
          why = bytes ? 'its content does not match its hash' : 'it is not in the bucket yet';
        } catch (e) {
          this.#store = null;
          why = (e as Error).message;
        }
        if (attempt % 10 === 0)
          this.log(
            `cluster: revision ${entry.revision} waits for ${blob.name} from the bucket ${this.bucket} (${why}); retrying`,
          );
        await sleep(RETRY_MS);
      }
    }
  }

  /** The object's bytes (null: not in the bucket), or throws after FETCH_TIMEOUT_MS. */
  async #get(name: string): Promise<Uint8Array | null> {
    const got = await (await this.#open()).get(name);
    if (!got) return null;
    const reader = got.data.getReader();
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      void reader.cancel().catch(() => {});
    }, FETCH_TIMEOUT_MS);
    try {
      const chunks: Uint8Array[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
      }
      if (late) throw new Error(`no whole answer within ${FETCH_TIMEOUT_MS / 1000} s`);
      await got.error;
      return Buffer.concat(chunks);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Written beside, fsynced, renamed into place: a file named by its hash is whole or not there. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    writeDurably(tmp, Buffer.from(bytes));
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  syncDir(dir);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
