import { REFUSED_SHOWN_MS, type RegistryRefusal } from '../../core/protocol/index.js';

/** Names kept at most: a flood of new names costs a bounded table, the oldest go first. */
const MAX_KEPT = 100;

/**
 * The screens the registry refused for a cap, by name, for the admin to say whom it left out.
 * A refused screen retries at each beat (every 15 s), so one that stopped trying, or was taken
 * at last, drops out of the list by itself.
 */
export class RefusalLog {
  #byName = new Map<string, RegistryRefusal>();

  note(refusal: RegistryRefusal): void {
    this.#byName.delete(refusal.screen);
    this.#byName.set(refusal.screen, refusal);
    if (this.#byName.size > MAX_KEPT) this.#byName.delete(this.#byName.keys().next().value!);
  }

  /** The screen was taken: it is no longer waiting. */
  taken(screen: string): void {
    this.#byName.delete(screen);
  }

  /** Those refused within REFUSED_SHOWN_MS of `now`, newest first. */
  recent(now: number): RegistryRefusal[] {
    const out: RegistryRefusal[] = [];
    for (const [name, r] of this.#byName)
      if (now - r.at > REFUSED_SHOWN_MS) this.#byName.delete(name);
      else out.push(r);
    return out.reverse();
  }
}
