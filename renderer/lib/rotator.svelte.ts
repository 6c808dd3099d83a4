/**
 * Turns a loop of slides: shows each for its duration, in order, skipping those whose `when` is
 * false right now. The loop itself is data (a getter: the settings may change it at any time);
 * the slide on screen stays until its time is up (or it no longer applies, or left the loop).
 * Real time, not the host clock: a simulated clock running 60× must not make slides flash by.
 */
export interface SlideDef<C> {
  kind: string;
  /** How long the slide stays (ms). */
  duration: number;
  when: (ctx: C) => boolean;
}

/** Which slide comes after `current` among those that apply; null when none applies. */
export function nextSlide<C>(
  defs: readonly SlideDef<C>[],
  ctx: C,
  current: string | null,
): SlideDef<C> | null {
  const applicable = defs.filter((d) => d.when(ctx));
  if (applicable.length === 0) return null;
  const at = current === null ? -1 : defs.findIndex((d) => d.kind === current);
  // the first applicable slide after the current one's place in the loop, wrapping around
  return applicable.find((d) => defs.indexOf(d) > at) ?? applicable[0]!;
}

export class Rotator<C> {
  current = $state<string | null>(null);
  #defs: () => readonly SlideDef<C>[];
  #ctx: () => C | null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pin: string | null;

  /** `pinned` holds one slide while the loop has it (previews and tests: `?slide=now`). */
  constructor(defs: () => readonly SlideDef<C>[], ctx: () => C | null, pinned: string | null = null) {
    this.#defs = defs;
    this.#ctx = ctx;
    this.#pin = pinned;
  }

  get #pinned(): string | null {
    return this.#pin && this.#defs().some((d) => d.kind === this.#pin) ? this.#pin : null;
  }

  start(): void {
    this.#advance(null);
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Call when the state or the loop changed: leaves a slide that no longer applies at once. */
  check(): void {
    const ctx = this.#ctx();
    const pinned = this.#pinned;
    if (pinned !== null) {
      if (this.current !== pinned) this.#advance(null);
      return;
    }
    if (ctx === null || this.current === null) {
      if (this.current === null && ctx !== null) this.#advance(null);
      return;
    }
    const def = this.#defs().find((d) => d.kind === this.current);
    if (!def || !def.when(ctx)) this.#advance(this.current);
  }

  #advance(from: string | null): void {
    this.stop();
    const ctx = this.#ctx();
    const pinned = this.#pinned;
    if (pinned !== null) {
      this.current = pinned;
      return;
    }
    const next = ctx === null ? null : nextSlide(this.#defs(), ctx, from);
    this.current = next?.kind ?? null;
    this.#timer = setTimeout(() => this.#advance(this.current), next?.duration ?? 1_000);
  }
}
