/** How often a host compares its revision with the stream's, to notice a stalled follow. */
export const LAG_CHECK_MS = 1_000;

export interface LagWatch {
  /** This host's revision now. */
  revision: () => number;
  /** The stream's last revision (rejects when the cluster does not answer: asked again next time). */
  last: () => Promise<number>;
  /** False while there is no point asking (not connected). */
  active: () => boolean;
  /** The follow is stalled: the stream at `last`, this host at `mine` with nothing arriving. */
  onStall: (last: number, mine: number) => void;
  everyMs?: number;
}

/**
 * Every `everyMs`: the stream's last revision against this host's. Behind at two checks in a row
 * with no entry arriving in between means the follow is stalled (a consumer the library gave up
 * resetting stays silent for good), and `onStall` is called once for it. Returns the stop.
 */
export function watchLag(w: LagWatch): () => void {
  let behindAt: number | null = null;
  let checking = false;
  const check = async () => {
    const mine = w.revision();
    const last = await w.last();
    const now = w.revision();
    if (last <= now || now !== behindAt || now !== mine) {
      behindAt = last > now ? now : null;
      return;
    }
    behindAt = null;
    w.onStall(last, now);
  };
  const timer = setInterval(() => {
    if (checking || !w.active()) return;
    checking = true;
    check()
      .catch(() => {})
      .finally(() => (checking = false));
  }, w.everyMs ?? LAG_CHECK_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
