import { HEARTBEAT_INTERVAL_MS, type Heartbeat, type ScreenInfo } from '../../core/protocol/index.js';

/** At most this many screens are remembered; heartbeats need no token, so the list is bounded. */
const MAX_SCREENS = 500;

/** The screens that sent a heartbeat: what each shows, which revision, when last seen (host real time). */
export class ScreenRegistry {
  #screens = new Map<string, { beat: Heartbeat; lastSeen: number; address?: string }>();

  constructor(private readonly realNow: () => number = Date.now) {}

  beat(beat: Heartbeat, address?: string): void {
    this.#screens.delete(beat.screen);
    this.#screens.set(beat.screen, { beat, lastSeen: this.realNow(), ...(address ? { address } : {}) });
    // Map order is insertion order: the first key is the longest silent.
    while (this.#screens.size > MAX_SCREENS) {
      const oldest = this.#screens.keys().next().value;
      if (oldest === undefined) break;
      this.#screens.delete(oldest);
    }
  }

  list(): ScreenInfo[] {
    const now = this.realNow();
    return [...this.#screens.values()]
      .map(({ beat, lastSeen, address }) => ({
        ...beat,
        lastSeen,
        stale: now - lastSeen > 2 * HEARTBEAT_INTERVAL_MS,
        ...(address ? { address } : {}),
      }))
      .sort((a, b) => a.screen.localeCompare(b.screen));
  }
}
