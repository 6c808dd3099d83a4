import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { type ImageExt, sniffImage } from '../../core/images/sniff.js';
import { IMAGE_LIMITS, type ImageStored } from '../../core/protocol/images.js';
import { syncDir, writeDurably } from './journal-file.js';

export const IMAGES_DIR = 'images';

export type Stored = { ok: true; image: ImageStored; created: boolean } | { ok: false; reason: string };

/**
 * The content-addressed image store: `images/<sha256>.<ext>` in the data dir. An upload is
 * checked by its bytes (type by magic bytes, size cap, pixel size from the header, capped) and
 * written once (fsynced, renamed into place): the same file twice is the same name.
 */
export class ImageStore {
  readonly dir: string;
  #saved: ((name: string, hash: string) => void)[] = [];

  constructor(dataDir: string) {
    this.dir = join(dataDir, IMAGES_DIR);
  }

  save(bytes: Uint8Array): Stored {
    if (bytes.length > IMAGE_LIMITS.maxBytes) return { ok: false, reason: tooLarge(bytes.length) };
    const sniffed = sniffImage(bytes);
    if (!sniffed.ok) return sniffed;
    const { ext, width, height } = sniffed;
    if (Math.max(width, height) > IMAGE_LIMITS.maxSide)
      return {
        ok: false,
        reason: `the image is ${width}×${height} pixels, more than the ${IMAGE_LIMITS.maxSide} a side Hallway takes: scale it down and upload it again`,
      };
    const hash = createHash('sha256').update(bytes).digest('hex');
    const path = this.path(hash, ext);
    const created = !existsSync(path);
    if (created) {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
      writeDurably(tmp, Buffer.from(bytes));
      renameSync(tmp, path);
      syncDir(this.dir);
    }
    for (const f of this.#saved) f(`${IMAGES_DIR}/${hash}.${ext}`, hash);
    return { ok: true, image: { hash, ext, width, height, bytes: bytes.length }, created };
  }

  /** Calls `f` with each image stored (its name in the data dir), new or already there. */
  whenSaved(f: (name: string, hash: string) => void): void {
    this.#saved.push(f);
  }

  /** The stored file's bytes, or null (no such image, or a name that is none of ours). */
  read(name: string): { bytes: Buffer; ext: ImageExt } | null {
    const m = /^([0-9a-f]{64})\.(png|jpg|webp|gif)$/.exec(name);
    if (!m) return null;
    try {
      return { bytes: readFileSync(this.path(m[1]!, m[2] as ImageExt)), ext: m[2] as ImageExt };
    } catch {
      return null;
    }
  }

  path(hash: string, ext: ImageExt): string {
    return join(this.dir, `${hash}.${ext}`);
  }
}

export const tooLarge = (n: number | null): string =>
  `the file is ${n === null ? 'larger than that' : `${(n / 1024 / 1024).toFixed(1)} MB`}, more than the ${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB an image may be: make it smaller (a PNG or WebP of the size the screen shows)`;
