import type { Browser } from '@playwright/test';
import { measureFloor, type FloorServer } from './floor.js';
import type { FanoutSeries } from './fanout.js';
import { median, percentile } from './stats.js';
import { failedRow, fmt, type Row } from './table.js';

export const FANOUT_NS = [1, 10, 50] as const;
export const RATIO_TARGET = 1.5;

/** Enough runs that p99 rests on ≥ 30 samples per N, yet N=50 stays affordable on 2 cores. */
export function runsFor(n: number): number {
  return n === 1 ? 30 : n <= 10 ? 10 : 5;
}

/** Measures the Hallway side of one N; absent until the host exists. */
export type HallwayFanout = (
  browser: Browser,
  n: number,
  runs: number,
  until?: number,
) => Promise<FanoutSeries>;

/** Share of the part's time for each N (the page set-up at N=50 dominates), and the floor's part of it. */
const SLOT_SHARE: Record<number, number> = { 1: 0.15, 10: 0.25, 50: 0.6 };
const FLOOR_SHARE = 0.35;

function describe(s: FanoutSeries): string {
  return `${s.samples.length} samples over ${s.runs} runs${s.missed ? `, ${s.missed} pages missed the change` : ''}`;
}

/**
 * Floor and Hallway back to back for each N, so both see the same machine load (on a shared
 * 2-core machine the load drifts; measuring all floors first would skew the ratio).
 */
export async function changeToScreens(
  browser: Browser,
  floor: FloorServer,
  hallway: HallwayFanout | null,
  emit: (row: Row) => void,
  until: number,
): Promise<void> {
  for (const n of FANOUT_NS) {
    const runs = runsFor(n);
    const slot =
      ((until - Date.now()) * (SLOT_SHARE[n] ?? 1)) /
      FANOUT_NS.filter((m) => m >= n).reduce((a, m) => a + (SLOT_SHARE[m] ?? 0), 0);
    const slotEnd = Date.now() + slot;
    let floorP99: number | null = null;
    try {
      const f = await measureFloor(browser, floor, n, runs, Date.now() + slot * FLOOR_SHARE);
      floorP99 = percentile(f.samples, 99);
      emit({
        measurement: `floor: change → ${n} bare page${n > 1 ? 's' : ''} (ms)`,
        median: fmt(median(f.samples)),
        spread: `p99 ${fmt(floorP99)}`,
        target: '(reference)',
        met: null,
        note: `bare node:http SSE server + EventSource page, ${describe(f)}`,
      });
    } catch (e) {
      emit(failedRow(`floor: change → ${n} bare pages (ms)`, '(reference)', e));
    }
    const label = `change → ${n} room screen${n > 1 ? 's' : ''} (ms)`;
    const target = `p99 ≤ ${RATIO_TARGET}× floor`;
    if (!hallway) {
      emit(failedRow(label, target, new Error('the Hallway host is not measured in this run')));
      continue;
    }
    try {
      const h = await hallway(browser, n, runs, slotEnd);
      if (h.samples.length === 0) throw new Error(`no page saw the change (${describe(h)})`);
      const p99 = percentile(h.samples, 99);
      const ratio = floorP99 ? p99 / floorP99 : null;
      emit({
        measurement: label,
        median: fmt(median(h.samples)),
        spread: `p99 ${fmt(p99)}${ratio !== null ? ` = ${ratio.toFixed(2)}× floor` : ''}`,
        target,
        met: ratio !== null && h.missed === 0 ? ratio <= RATIO_TARGET : null,
        note:
          `${describe(h)}${h.breakdown ? `; ${h.breakdown}` : ''}` +
          (ratio !== null && ratio > RATIO_TARGET
            ? h.breakdown?.includes('no snapshot fetch')
              ? '. Why: before any screen hears of it the host parses, checks, journals (fsync) and applies ' +
                'the entry (its answer to the POST is timed above), where the floor only writes to its streams; ' +
                'then each page draws the alert and fits its text, where the floor sets one div; with many pages ' +
                'on 2 cores that is CPU-bound. The slides under the alert are not rebuilt (conn.underAlerts). ' +
                "What would meet it: less of the host's work before the broadcast (a profile of the POST path), " +
                'and of each page’s'
              : '. What would meet it: show the change from the event itself (it carries the journal entry; ' +
                'core applyOverrides is pure and runs in the page) instead of refetching the whole snapshot'
            : ''),
      });
    } catch (e) {
      emit(failedRow(label, target, e));
    }
  }
}
