/**
 * How far the host's real clock is ahead of ours, from request round trips (NTP-style): the host
 * stamped `hostReal` somewhere between sending and receiving, so the midpoint is the best guess and
 * half the round trip is the error. The sample with the shortest round trip wins.
 */
export interface SkewSample {
  /** hostReal − our real time at the midpoint of the request (ms). */
  skew: number;
  /** Round trip of the request (ms); the error of `skew` is at most half of it. */
  rtt: number;
}

export function skewSample(hostReal: number, sentAt: number, receivedAt: number): SkewSample {
  const rtt = Math.max(0, receivedAt - sentAt);
  return { skew: hostReal - (sentAt + rtt / 2), rtt };
}

/** Keeps the last `keep` samples; the estimate is the one with the shortest round trip. */
export function addSample(samples: readonly SkewSample[], s: SkewSample, keep = 8): SkewSample[] {
  return [...samples, s].slice(-keep);
}

export function bestSkew(samples: readonly SkewSample[]): number {
  let best: SkewSample | undefined;
  for (const s of samples) if (!best || s.rtt < best.rtt) best = s;
  return best ? Math.round(best.skew) : 0;
}
