import type { Browser, Page } from '@playwright/test';
import { ROUTES, type OverrideAccepted } from '../core/protocol/index.js';
import { closeAll, openScreens } from './browser.js';
import { fanoutSeries, type FanoutSeries } from './fanout.js';
import { postOk, screenCount, startHallway } from './host.js';
import { median } from './stats.js';
import { fmt } from './table.js';
import { waitFor } from './util.js';

/**
 * The change is an alert: it covers every room screen at once whatever slide the loop is on, so
 * the figure is the push path itself, not the wait for the rotator to come round to a slide.
 */
export function hallwayFanout(root: string) {
  return async (browser: Browser, n: number, runs: number, until?: number): Promise<FanoutSeries> => {
    const host = await startHallway(root);
    try {
      const urls = Array.from({ length: n }, (_, i) => host.rooms[i % host.rooms.length] as string);
      const screens = await openScreens(browser, urls, 5);
      try {
        // Each page reports in once its event stream is open: then a push reaches all of them.
        await waitFor(
          async () => (await screenCount(host)) >= n,
          30_000,
          `all ${n} room pages to open their stream`,
        );
        let last: number | null = null;
        const pages = screens.map((s) => s.page);
        const first = pages[0] as Page;
        await first.evaluate(watchSnapshots, ROUTES.snapshot);
        const answeredAt = new Map<number, number>();
        const runs0: { t0: number; dom: number }[] = [];
        const series = await fanoutSeries(
          pages,
          async (text) => {
            const t0 = Date.now();
            last = (await postOk<OverrideAccepted>(host, ROUTES.overrides, { kind: 'alert', text })).id;
            answeredAt.set(t0, Date.now());
            return t0;
          },
          {
            onCounted: (run) => {
              const dom = run.stamps[0];
              if (dom != null) runs0.push({ t0: run.t0, dom });
            },
            runs,
            warmups: 2,
            label: 'alert',
            ...(until !== undefined ? { until } : {}),
            // Take the alert down and let every page settle before the next one.
            between: async (text) => {
              if (last !== null) await postOk(host, ROUTES.revert(last), {});
              await waitFor(
                async () => !(await anyShows(pages, text)),
                15_000,
                'the reverted alert to leave every page',
              );
            },
          },
        );
        const fetches = await first.evaluate(() => window.__benchSnapshots ?? []);
        return { ...series, breakdown: breakdown(runs0, answeredAt, fetches) };
      } finally {
        await closeAll(screens);
      }
    } finally {
      await host.stop();
    }
  };
}

declare global {
  interface Window {
    __benchSnapshots?: { start: number; end: number; bytes: number }[];
  }
}

/** Records (wall clock) every snapshot fetch the page makes: how a page learns of a change. */
function watchSnapshots(route: string): void {
  window.__benchSnapshots = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceResourceTiming[])
      if (e.name.includes(route))
        window.__benchSnapshots?.push({
          start: performance.timeOrigin + e.startTime,
          end: performance.timeOrigin + e.responseEnd,
          bytes: e.decodedBodySize,
        });
  }).observe({ type: 'resource' });
}

/** The first page's path from POST to DOM, as medians over the counted runs. */
function breakdown(
  runs: { t0: number; dom: number }[],
  answeredAt: Map<number, number>,
  fetches: { start: number; end: number; bytes: number }[],
): string | undefined {
  if (runs.length === 0) return undefined;
  const answered: number[] = [];
  const fetchStart: number[] = [];
  const fetchEnd: number[] = [];
  const bytes: number[] = [];
  for (const r of runs) {
    const a = answeredAt.get(r.t0);
    if (a !== undefined) answered.push(a - r.t0);
    const f = fetches.find((x) => x.start >= r.t0 && x.start <= r.dom);
    if (f) {
      fetchStart.push(f.start - r.t0);
      fetchEnd.push(f.end - r.t0);
      bytes.push(f.bytes);
    }
  }
  const m = (xs: number[]) => (xs.length ? fmt(median(xs)) : '?');
  const dom = m(runs.map((r) => r.dom - r.t0));
  const via =
    fetchStart.length > 0
      ? `the page started a fetch of ${ROUTES.snapshot} (${fmt(median(bytes) / 1024)} KB) at ${m(fetchStart)} ms, ` +
        `had it at ${m(fetchEnd)} ms, and the change was in the DOM at ${dom} ms`
      : `the change was in the DOM at ${dom} ms, with no snapshot fetch between`;
  return `first page, medians: the host answered the POST at ${m(answered)} ms; ${via}`;
}

async function anyShows(pages: readonly Page[], text: string): Promise<boolean> {
  const shows = await Promise.all(
    pages.map((p) => p.evaluate((t) => !!document.body?.textContent?.includes(t), text)),
  );
  return shows.some(Boolean);
}
