import { HEARTBEAT_INTERVAL_MS, type Heartbeat, type ScreenInfo } from '../../core/protocol/index.js';

interface Seen {
  beat: Heartbeat;
  lastSeen: number;
  address?: string;
}

/** Why a heartbeat of a screen the list does not know yet was not taken. */
export type BeatRefusal = { reason: 'address-full' | 'list-full'; limit: number };

/**
 * The screens that sent a heartbeat: what each shows, which revision, when last seen (host real
 * time). Heartbeats need no token, so the list is bounded twice: per reporting address and in
 * total. A full list makes room only by dropping a stale screen, never one that still beats, so a
 * flood of fake screens cannot push the real ones out.
 */
export class ScreenRegistry {
  #screens = new Map<string, Seen>();
  #perAddress = new Map<string, number>();

  constructor(
    private readonly realNow: () => number = Date.now,
    private readonly maxScreens = 500,
    private readonly maxPerAddress = 50,
    /** Addresses the per-address bound does not apply to (loopback, unless told). */
    private readonly unbounded: (address: string) => boolean = () => false,
  ) {}

  get size(): number {
    return this.#screens.size;
  }

  /** Records the beat; a new screen past a limit is refused (and nothing is changed). */
  beat(beat: Heartbeat, address?: string): BeatRefusal | null {
    const now = this.realNow();
    const known = this.#screens.get(beat.screen);
    if (!known) {
      if (
        address !== undefined &&
        !this.unbounded(address) &&
        (this.#perAddress.get(address) ?? 0) >= this.maxPerAddress &&
        !this.#dropStale(now, address)
      )
        return { reason: 'address-full', limit: this.maxPerAddress };
      if (this.#screens.size >= this.maxScreens && !this.#dropStale(now))
        return { reason: 'list-full', limit: this.maxScreens };
    } else this.#remove(beat.screen, known);
    this.#screens.set(beat.screen, { beat, lastSeen: now, ...(address !== undefined ? { address } : {}) });
    if (address !== undefined) this.#perAddress.set(address, (this.#perAddress.get(address) ?? 0) + 1);
    return null;
  }

  /**
   * Drops the longest-silent screen (of `address`, if given) when it is stale. Map order is
   * last-beat order, so the first one found is the longest silent.
   */
  #dropStale(now: number, address?: string): boolean {
    for (const [screen, seen] of this.#screens) {
      if (address !== undefined && seen.address !== address) continue;
      if (!this.#stale(seen, now)) return false;
      this.#remove(screen, seen);
      return true;
    }
    return false;
  }

  #remove(screen: string, seen: Seen): void {
    this.#screens.delete(screen);
    if (seen.address === undefined) return;
    const n = (this.#perAddress.get(seen.address) ?? 1) - 1;
    if (n > 0) this.#perAddress.set(seen.address, n);
    else this.#perAddress.delete(seen.address);
  }

  #stale = (seen: Seen, now: number) => now - seen.lastSeen > 2 * HEARTBEAT_INTERVAL_MS;

  list(): ScreenInfo[] {
    const now = this.realNow();
    return [...this.#screens.values()]
      .map((seen) => ({
        ...seen.beat,
        lastSeen: seen.lastSeen,
        stale: this.#stale(seen, now),
        ...(seen.address !== undefined ? { address: seen.address } : {}),
      }))
      .sort((a, b) => a.screen.localeCompare(b.screen));
  }
}
