import type { Component } from 'svelte';

/** A failed load (the host away) is tried again this long after. */
export const LAZY_RETRY_MS = 15_000;

/**
 * A component a page shows only now and then, loaded as a chunk of its own on first `want()`
 * rather than carried in the page's bundle. `current` is null until it is in.
 */
export class LazyComponent<P extends Record<string, unknown>> {
  current = $state.raw<Component<P> | null>(null);
  #loading = false;
  readonly #load: () => Promise<{ default: Component<P> }>;

  constructor(load: () => Promise<{ default: Component<P> }>) {
    this.#load = load;
  }

  want(): void {
    if (this.current || this.#loading) return;
    this.#loading = true;
    this.#load().then(
      (m) => (this.current = m.default),
      () =>
        setTimeout(() => {
          this.#loading = false;
          this.want();
        }, LAZY_RETRY_MS),
    );
  }
}
