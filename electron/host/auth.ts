import { createHash, timingSafeEqual } from 'node:crypto';
import { type HostLimits, limitsApply, monotonicMs } from './limits.js';

/**
 * Whether `given` is the token, in a time that says nothing about either: both are hashed to
 * equal-length digests first, so not even the token's length shows.
 */
export function sameSecret(given: string, token: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(token));
}

interface Failures {
  count: number;
  last: number;
  lockedUntil: number;
  /** This burst has been logged. */
  told: boolean;
}

/**
 * Wrong admin tokens per client address: after `authFreeFailures` within a burst, the address is
 * refused (every request, the right token too, so refusals say nothing) for a time that doubles
 * with each further failure, up to `authMaxLockMs`. Each burst is logged once.
 */
export class AuthGuard {
  #failures = new Map<string, Failures>();

  constructor(
    private readonly limits: HostLimits,
    private readonly log: (line: string) => void,
    private readonly now: () => number = monotonicMs,
  ) {}

  #exempt(address: string): boolean {
    return !limitsApply(this.limits, address);
  }

  /** Seconds the address must wait before it may try a token again, or 0. */
  lockedFor(address: string): number {
    const f = this.#failures.get(address);
    if (!f || this.#exempt(address)) return 0;
    const left = f.lockedUntil - this.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  failed(address: string): void {
    if (this.#exempt(address)) return;
    const now = this.now();
    let f = this.#failures.get(address);
    if (!f || now - f.last > this.limits.authQuietMs) {
      f = { count: 0, last: now, lockedUntil: 0, told: false };
      this.#failures.set(address, f);
      this.#prune(now);
    }
    f.count++;
    f.last = now;
    const over = f.count - this.limits.authFreeFailures;
    if (over <= 0) return;
    const lock = Math.min(
      this.limits.authMaxLockMs,
      this.limits.authFirstLockMs * 2 ** Math.min(over - 1, 30),
    );
    f.lockedUntil = now + lock;
    if (!f.told) {
      f.told = true;
      this.log(
        `security: ${f.count} wrong admin tokens from ${address}: refusing it for ${Math.ceil(lock / 1000)} s, ` +
          `doubling with each further wrong token (logged once per burst)`,
      );
    }
  }

  succeeded(address: string): void {
    this.#failures.delete(address);
  }

  #prune(now: number): void {
    if (this.#failures.size < 10_000) return;
    for (const [k, v] of this.#failures)
      if (now - v.last > this.limits.authQuietMs || v.lockedUntil < now) this.#failures.delete(k);
  }
}
