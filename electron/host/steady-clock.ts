import { monotonicMs } from './limits.js';

/** A backwards jump of the machine's clock smaller than this is noise (NTP slewing), not a jump. */
const JUMP_MS = 2_000;

/**
 * The host's real time: the machine's clock, except that it never runs backwards. When the
 * machine's clock jumps back (someone sets it by hand, a bad NTP answer), the host keeps
 * counting from where it was with the monotonic clock, so a simulated clock does not jump back
 * with it and screens seen a minute ago do not look alive for another hour. A forward jump
 * (the machine slept, NTP caught up) is followed: the monotonic clock stops during sleep.
 * Each jump back is logged once.
 */
export function steadyClock(
  log: (line: string) => void,
  wall: () => number = () => Date.now(),
  mono: () => number = monotonicMs,
): () => number {
  let anchorWall = wall();
  let anchorMono = mono();
  let last = anchorWall;
  let behind = false;
  return () => {
    const m = mono();
    const steady = anchorWall + (m - anchorMono);
    const w = wall();
    if (w >= steady - JUMP_MS) {
      // Following the machine: re-anchored on every reading, so no drift accumulates.
      anchorWall = w;
      anchorMono = m;
      behind = false;
      last = Math.max(last, w);
      return last;
    }
    if (!behind)
      log(
        `clock: the machine's clock jumped back ${Math.round((steady - w) / 1000)} s; the host keeps counting from ` +
          `where it was (restart the host to follow the machine's clock)`,
      );
    behind = true;
    last = Math.max(last, Math.round(steady));
    return last;
  };
}
