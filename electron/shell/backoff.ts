/**
 * How long to wait before reloading a crashed or hung screen. A renderer that crashes once comes
 * back at once-ish; one that keeps crashing (a bad page, a GPU driver) is retried ever more slowly
 * so the machine stays usable, and a screen that has been fine for a while starts over.
 */
export interface BackoffOptions {
  /** Delay after the first crash. */
  baseMs: number;
  /** The delay never grows past this. */
  maxMs: number;
  /** Crashes older than this no longer count. */
  windowMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000, windowMs: 5 * 60_000 };

/**
 * `crashes`: the epoch ms of earlier crashes of this window; `now`: this crash. Returns the delay
 * and the history to keep (old crashes dropped, this one added).
 */
export function reloadDelay(
  crashes: readonly number[],
  now: number,
  opts: BackoffOptions = DEFAULT_BACKOFF,
): { delayMs: number; crashes: number[] } {
  const recent = crashes.filter((t) => now - t < opts.windowMs && t <= now);
  const kept = [...recent, now];
  const delayMs = Math.min(opts.maxMs, opts.baseMs * 2 ** (kept.length - 1));
  return { delayMs, crashes: kept };
}

/** A hung renderer gets this long to answer again before the shell crashes and reloads it. */
export const UNRESPONSIVE_GRACE_MS = 10_000;
