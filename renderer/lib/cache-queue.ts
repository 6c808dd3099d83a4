import { afterPaint } from './after-paint.js';
import { saveCached, type Cached } from './cache.js';

/** Writes the cache after the change is painted: stringifying a big program takes a while. */
export class CacheQueue {
  #queued = false;
  #read: () => Cached | null;

  /** `read` is called at write time, so a burst of changes writes only the last one. */
  constructor(read: () => Cached | null) {
    this.#read = read;
  }

  queue(): void {
    if (this.#queued) return;
    this.#queued = true;
    afterPaint(() => {
      this.#queued = false;
      const c = this.#read();
      if (c) saveCached(c);
    }, 250);
  }
}
