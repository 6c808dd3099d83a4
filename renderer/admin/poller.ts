/**
 * Asks the host again and again while the admin is open: at once on start, then every
 * `everyMs`, and a few times shortly after staff changed something (`soon`). One ask at a time:
 * a tick that falls while one is on its way asks once more after it, so a slow host (200
 * screens, a long follow fetch) never gets a pile of the same request.
 */
export class Poller {
  #timer: ReturnType<typeof setInterval> | null = null;
  #soon = new Set<ReturnType<typeof setTimeout>>();
  #busy = false;
  #again = false;

  constructor(
    private readonly ask: () => Promise<unknown>,
    private readonly everyMs: number,
  ) {}

  get running(): boolean {
    return this.#timer !== null;
  }

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.now(), this.everyMs);
    void this.now();
  }

  /** Asks again after each of these delays (ms), while running. */
  soon(delays: readonly number[]): void {
    if (!this.#timer) return;
    for (const ms of delays) {
      const t = setTimeout(() => {
        this.#soon.delete(t);
        void this.now();
      }, ms);
      this.#soon.add(t);
    }
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    for (const t of this.#soon) clearTimeout(t);
    this.#soon.clear();
    this.#again = false;
  }

  /** Asks now, or right after the ask on its way. */
  async now(): Promise<void> {
    if (this.#busy) {
      this.#again = true;
      return;
    }
    this.#busy = true;
    try {
      await this.ask();
    } finally {
      this.#busy = false;
    }
    if (this.#again) {
      this.#again = false;
      await this.now();
    }
  }
}
