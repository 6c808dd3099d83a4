import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __benchHit?: Promise<number>;
  }
}

/**
 * Arms a MutationObserver that stamps (wall clock, sub-ms) the first mutation after which the
 * page's text contains `text`. The stamp is taken before the text check so a large DOM's
 * textContent does not inflate the figure.
 */
function arm(text: string): void {
  window.__benchHit = new Promise<number>((resolve) => {
    const obs = new MutationObserver(() => {
      const t = performance.timeOrigin + performance.now();
      if (document.body?.textContent?.includes(text)) {
        obs.disconnect();
        resolve(t);
      }
    });
    obs.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  });
}

function collect(timeoutMs: number): Promise<number | null> {
  const hit = window.__benchHit ?? Promise.resolve(null);
  return Promise.race([hit, new Promise<null>((r) => setTimeout(() => r(null), timeoutMs))]);
}

export interface FanoutRun {
  /** ms from just before the trigger's request to each page's stamp; pages that missed left out. */
  latencies: number[];
  missed: number;
  /** Wall clock just before the trigger's request, and each page's stamp (null: missed). */
  t0: number;
  stamps: (number | null)[];
}

/**
 * One change fanned out to every page. `trigger(text)` pushes the change and returns the wall
 * clock (Date.now()) taken just before it sent the request: same machine, same clock as the
 * pages' stamps (performance.timeOrigin + now() agrees with Date.now() to under 1 ms).
 */
export async function fanoutOnce(
  pages: readonly Page[],
  text: string,
  trigger: (text: string) => Promise<number>,
  timeoutMs = 10_000,
): Promise<FanoutRun> {
  await Promise.all(pages.map((p) => p.evaluate(arm, text)));
  const t0 = await trigger(text);
  const stamps = await Promise.all(pages.map((p) => p.evaluate(collect, timeoutMs)));
  const latencies = stamps.filter((s): s is number => s !== null).map((s) => s - t0);
  return { latencies, missed: stamps.length - latencies.length, t0, stamps };
}

export interface FanoutSeries {
  samples: number[];
  missed: number;
  runs: number;
  /** Where the time went, when the caller could tell (e.g. for one page). */
  breakdown?: string;
}

/** Warm-up runs (not counted), then `runs` counted ones; `between` runs after each (e.g. a revert). */
export async function fanoutSeries(
  pages: readonly Page[],
  trigger: (text: string) => Promise<number>,
  opts: {
    runs: number;
    warmups: number;
    label: string;
    between?: (text: string) => Promise<void>;
    pauseMs?: number;
    /** Wall clock after which no new run starts (at least one counted run is always made). */
    until?: number;
    /** Called with every counted run. */
    onCounted?: (run: FanoutRun) => void;
  },
): Promise<FanoutSeries> {
  const samples: number[] = [];
  let missed = 0;
  let counted = 0;
  for (let i = 0; i < opts.warmups + opts.runs; i++) {
    if (counted > 0 && opts.until !== undefined && Date.now() > opts.until) break;
    const text = `${opts.label} change ${i} ${Math.random().toString(36).slice(2, 8)}`;
    const run = await fanoutOnce(pages, text, trigger);
    if (i >= opts.warmups) {
      counted++;
      opts.onCounted?.(run);
      samples.push(...run.latencies);
      missed += run.missed;
    }
    if (opts.between) await opts.between(text);
    await new Promise((r) => setTimeout(r, opts.pauseMs ?? 150));
  }
  return { samples, missed, runs: counted };
}
