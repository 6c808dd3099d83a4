import type { Browser, Page } from '@playwright/test';
import { ROUTES, type OverrideAccepted } from '../core/protocol/index.js';
import { closeAll, openScreens } from './browser.js';
import { fanoutSeries, type FanoutSeries } from './fanout.js';
import { postOk, screenCount, startHallway } from './host.js';
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
        return await fanoutSeries(
          pages,
          async (text) => {
            const t0 = Date.now();
            last = (await postOk<OverrideAccepted>(host, ROUTES.overrides, { kind: 'alert', text })).id;
            return t0;
          },
          {
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
      } finally {
        await closeAll(screens);
      }
    } finally {
      await host.stop();
    }
  };
}

async function anyShows(pages: readonly Page[], text: string): Promise<boolean> {
  const shows = await Promise.all(
    pages.map((p) => p.evaluate((t) => !!document.body?.textContent?.includes(t), text)),
  );
  return shows.some(Boolean);
}
