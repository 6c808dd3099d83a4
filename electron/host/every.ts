import { FOLLOW_EVERY_MS } from '../../core/protocol/index.js';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/**
 * `--every 30s|2m|10m|1h` as milliseconds, or the reason it is not one (for the usage error).
 * A unit is required: "every 2" could mean seconds or minutes.
 */
export function parseEvery(raw: string): { ok: true; ms: number } | { ok: false; error: string } {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(raw.trim());
  const ms = m ? Math.round(Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]) : NaN;
  if (!Number.isFinite(ms))
    return {
      ok: false,
      error: `--every must be a duration with its unit, like 30s, 2m or 10m (got "${raw}")`,
    };
  if (ms < FOLLOW_EVERY_MS.min || ms > FOLLOW_EVERY_MS.max)
    return { ok: false, error: `--every must be from 1s to 24h (got "${raw}")` };
  return { ok: true, ms };
}
