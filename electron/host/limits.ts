/**
 * What one client of the venue network may cost the host. With --lan every attendee's laptop on
 * the Wi-Fi can reach it, so streams, screen reports, wrong tokens and slow sockets are bounded
 * per address and in total. Every number is a HostOptions setting (tests shrink the timeouts).
 */
export interface HostLimits {
  /** Open event streams, in total and from one client address (a venue's screens fit easily). */
  maxStreams: number;
  maxStreamsPerAddress: number;
  /**
   * A stream whose buffer stays full this long (the client takes nothing: a dead Wi-Fi link, a
   * frozen browser) is closed, saying so; until then it only costs its one full buffer, because
   * what it has not taken yet is read from the journal when it drains, never queued per client.
   */
  streamStallMs: number;
  /** Screens the list remembers, in total and reported from one address. */
  maxScreens: number;
  maxScreensPerAddress: number;
  /** Heartbeats from one address: a burst, then this many a second (a screen beats every 15 s). */
  beatBurst: number;
  beatsPerSecond: number;
  /** Wrong admin tokens from one address before it is refused, and the refusal's backoff. */
  authFreeFailures: number;
  authFirstLockMs: number;
  authMaxLockMs: number;
  /** A burst of failures ends after this long without one (the backoff starts over). */
  authQuietMs: number;
  /**
   * Apply the per-address limits (streams, screens, heartbeats, wrong tokens) to loopback too.
   * Off by default: loopback is this machine (the shell's windows, a bench, the tests), the threat
   * is the venue network, and a request through a rebound name is refused by the Host check. The
   * totals hold for loopback as for anyone. Tests on one machine turn it on.
   */
  limitLoopback: boolean;
  /** Node's socket timeouts: a slow client (slowloris) cannot hold a socket longer than these. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above (its default, 30 s, would let them overrun). */
  timeoutCheckMs: number;
  /** Sockets open at once; past it Node drops new connections at once. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: HostLimits = {
  // A stream costs the host ~9 KB: 5,000 screens ran in 167 MB of RSS (bench); 50 per address bounds one laptop.
  maxStreams: 6_000,
  maxStreamsPerAddress: 50,
  streamStallMs: 60_000,
  maxScreens: 500,
  maxScreensPerAddress: 50,
  beatBurst: 120,
  beatsPerSecond: 4,
  authFreeFailures: 10,
  authFirstLockMs: 1_000,
  authMaxLockMs: 5 * 60_000,
  authQuietMs: 10 * 60_000,
  limitLoopback: false,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  timeoutCheckMs: 1_000,
  maxConnections: 8_000,
};

export function hostLimits(given: Partial<HostLimits> = {}): HostLimits {
  const limits = { ...DEFAULT_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits))
    if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0))
      throw new Error(`limit ${name} must be a number of 0 or more (got ${value})`);
  // Node refuses a headers timeout longer than the request timeout.
  if (limits.requestTimeoutMs > 0 && limits.headersTimeoutMs > limits.requestTimeoutMs)
    throw new Error(
      `limit headersTimeoutMs (${limits.headersTimeoutMs}) must not exceed requestTimeoutMs (${limits.requestTimeoutMs})`,
    );
  return limits;
}

/** Monotonic milliseconds: limits must not be reset or stuck by the machine's clock jumping. */
export const monotonicMs = (): number => performance.now();

/** Keys kept at most by a per-address table; past it, the entries that cost nothing are dropped. */
const MAX_KEYS = 20_000;

/** A token bucket per address: `burst` at once, then `perSecond`. */
export class RateLimit {
  #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = monotonicMs,
  ) {}

  /** Takes one token for `key`: 0 if allowed, else the seconds until one is free. */
  take(key: string): number {
    const now = this.now();
    const b = this.#buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.#put(key, b);
      return 0;
    }
    this.#put(key, b);
    return this.perSecond > 0 ? Math.ceil((1 - b.tokens) / this.perSecond) : 60;
  }

  #put(key: string, b: { tokens: number; at: number }): void {
    this.#buckets.set(key, b);
    if (this.#buckets.size <= MAX_KEYS) return;
    const now = this.now();
    for (const [k, v] of this.#buckets)
      if (v.tokens + ((now - v.at) / 1000) * this.perSecond >= this.burst) this.#buckets.delete(k);
    // Every key still owes: drop the oldest half rather than grow without bound.
    if (this.#buckets.size > MAX_KEYS)
      for (const k of [...this.#buckets.keys()].slice(0, MAX_KEYS / 2)) this.#buckets.delete(k);
  }
}

/** Loopback: all of 127.0.0.0/8 and ::1 (IPv4-mapped or not). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = plainAddress(address);
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** Whether the per-address limits apply to a client at `address`. */
export const limitsApply = (limits: Pick<HostLimits, 'limitLoopback'>, address: string): boolean =>
  limits.limitLoopback || !isLoopback(address);

/** `::ffff:1.2.3.4` (a dual-stack socket's IPv4 client) as `1.2.3.4`. */
export const plainAddress = (address: string): string => address.replace(/^::ffff:(?=\d+\.)/i, '');
