import type { Page } from '@playwright/test';
import { ROUTES } from '../core/protocol/index.js';
import { launch, openScreen } from './browser.js';
import { postOk, startHallway } from './host.js';
import { fmt, type Row } from './table.js';
import { sleep, waitFor } from './util.js';

/** Before breakfast: the day's 24 simulated hours then cover every state a room goes through. */
export const DAY_START = '2019-05-20T07:00:00-07:00';
export const DAY_RATE = 1440; // 24 h in 60 s
export const DAY_MS = 60_000;

/** Nodes in the document (elements, text, comments): what the screen holds, detached ones aside. */
function documentNodes(): number {
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  let n = 0;
  while (walker.nextNode()) n++;
  return n;
}

async function gcAndMeasure(page: Page): Promise<{ heap: number; nodes: number; blinkNodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (k: string) => metrics.find((m) => m.name === k)?.value ?? 0;
    return {
      heap: get('JSHeapUsedSize'),
      nodes: await page.evaluate(documentNodes),
      blinkNodes: get('Nodes'),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** What the screen shows: its slide, and whether it shows something (not blank, not an error). */
function look(): { slide: string | null; ok: boolean; why: string } {
  const screen = document.querySelector('[data-testid="room-screen"]');
  const error = document.querySelector('[data-testid="screen-error"]');
  const text = document.body?.innerText.trim() ?? '';
  const why = !screen
    ? 'no room screen'
    : error
      ? `error: ${error.textContent}`
      : text.length < 10
        ? 'blank'
        : '';
  return { slide: screen?.getAttribute('data-slide') ?? null, ok: why === '', why };
}

/**
 * One room screen through 24 simulated hours. Start and end are measured in the same state —
 * the clock at DAY_START and held, on the Now slide — so any difference is what the day left
 * behind, not a different slide.
 */
export async function longDay(root: string): Promise<Row[]> {
  const browser = await launch();
  const host = await startHallway(root, { clock: DAY_START, rate: 0 });
  try {
    const url = host.rooms.find((u) => u.endsWith('/room/stevens-creek')) ?? (host.rooms[0] as string);
    const screen = await openScreen(browser, url);
    const page = screen.page;
    await waitFor(async () => (await page.evaluate(look)).slide === 'now', 15_000, 'the Now slide');
    await sleep(1_000);
    const start = await gcAndMeasure(page);

    await postOk(host, ROUTES.clock, { action: 'set', at: DAY_START, rate: DAY_RATE });
    const failures: string[] = [];
    let samples = 0;
    let maxNodes = start.nodes;
    const slides = new Set<string>();
    const until = Date.now() + DAY_MS;
    while (Date.now() < until) {
      await sleep(1_000);
      const l = await page.evaluate(look);
      samples++;
      if (l.slide) slides.add(l.slide);
      if (!l.ok) failures.push(l.why);
      maxNodes = Math.max(maxNodes, await page.evaluate(documentNodes));
    }
    await postOk(host, ROUTES.clock, { action: 'set', at: DAY_START, rate: 0 });
    // Back at the start's state; the rotator may be mid-slide: wait for the Now slide again.
    await sleep(1_500);
    await waitFor(
      async () => (await page.evaluate(look)).slide === 'now',
      70_000,
      'the Now slide after the day',
    );
    await sleep(1_000);
    const end = await gcAndMeasure(page);
    const errs = screen.errors;
    await screen.context.close();

    const growth = (end.heap - start.heap) / 2 ** 20;
    const failed = failures.length + errs.length;
    return [
      {
        measurement: 'long day: JS heap growth over 24 simulated h (MB, after GC)',
        median: fmt(growth),
        spread: `${fmt(start.heap / 2 ** 20)} → ${fmt(end.heap / 2 ** 20)} MB`,
        target: '< 2',
        met: growth < 2,
        note: `rate ${DAY_RATE} for ${DAY_MS / 1000} s from ${DAY_START}; slides seen: ${[...slides].join(', ')}`,
      },
      {
        measurement: 'long day: DOM nodes start → end',
        median: `${start.nodes} → ${end.nodes}`,
        spread: `max ${maxNodes} during the day; Blink nodes alive ${start.blinkNodes} → ${end.blinkNodes}`,
        target: 'flat',
        met: end.nodes <= start.nodes,
        note:
          'nodes in the document (all kinds) in the same state before and after the day; Blink nodes alive ' +
          '(CDP Performance.getMetrics Nodes, after GC) also counts detached nodes something still holds',
      },
      {
        measurement: 'long day: slides that failed to render',
        median: String(failed),
        spread: `${samples} looks, ${errs.length} page/console errors`,
        target: '0',
        met: failed === 0,
        ...(failed ? { note: [...failures, ...errs].slice(0, 3).join('; ') } : {}),
      },
    ];
  } finally {
    await host.stop();
    await browser.close();
  }
}
