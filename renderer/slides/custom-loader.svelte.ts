import type { CustomSlideType } from '../../core/settings/slides.js';
import type { LazyCustomKind } from './custom-kinds.js';
import type { CustomKind } from './kind.js';

/** A failed load (the host away) is tried again this long after, while the loop still names it. */
export const RETRY_MS = 15_000;

/**
 * The custom kinds a screen has loaded (`ready`, what planLoop plans with): `want` loads those a
 * loop names, once each. Until a kind is in, its slides are left out of the plan (as a kind this
 * screen does not know); the plan takes them in when it is. Call `want` from an effect: it reads
 * the retry tick, so a load that failed is asked for again RETRY_MS later.
 */
export class CustomKinds {
  ready = $state.raw<readonly CustomKind[]>([]);
  #retry = $state(0);
  /** Types being loaded: not reactive, only so that a second `want` does not load one twice. */
  #pending: CustomSlideType[] = [];
  readonly #kinds: readonly LazyCustomKind[];

  constructor(kinds: readonly LazyCustomKind[]) {
    this.#kinds = kinds;
  }

  want(types: Iterable<CustomSlideType>): void {
    void this.#retry;
    for (const type of types) {
      const kind = this.#kinds.find((k) => k.type === type);
      if (!kind || this.#pending.includes(type) || this.ready.some((k) => k.type === type)) continue;
      this.#pending.push(type);
      kind.load().then(
        (loaded) => {
          this.#pending = this.#pending.filter((t) => t !== type);
          this.ready = [...this.ready, loaded];
        },
        () => {
          this.#pending = this.#pending.filter((t) => t !== type);
          setTimeout(() => this.#retry++, RETRY_MS);
        },
      );
    }
  }
}
