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
    const write = () => {
      if (!this.#queued) return;
      this.#queued = false;
      const c = this.#read();
      if (c) saveCached(c);
    };
    // After the next frame; the timer alone covers a hidden window, where frames do not come.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(write, 0));
    setTimeout(write, 250);
  }
}
