import { asEffective } from '../core/overrides/apply.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { parseProgram } from '../core/program/parse.js';
import { nowNext } from '../core/schedule/now-next.js';
import { parseInstant } from '../core/time/venue.js';
import { displayTitle } from '../renderer/lib/format.js';
import { OPML_CLOCK, startHallway } from './host.js';
import { armPaint, paintedAt } from './paint.js';
import { startStaticFloor, SCREEN_FONTS } from './static-floor.js';
import { median, minMax } from './stats.js';
import { fmt, type Row } from './table.js';

export const COLD_ROOM = 'winchester';

/** The title the room screen paints for the session on now, as the screens word it. */
export function currentTitle(root: string, room: string, at: string): string {
  const parsed = parseProgram(JSON.parse(readFileSync(path.join(root, 'data', 'opml19.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`data/opml19.json does not parse: ${parsed.errors.slice(0, 3).join('; ')}`);
  const current = nowNext(asEffective(parsed.program), room, parseInstant(at)).current;
  if (!current) throw new Error(`nothing is on in ${room} at ${at}: pick another room or instant`);
  return displayTitle(current);
}

/**
 * From spawning `hallway serve` to the first frame of the first room page with the current
 * session painted. The browser is up (and a context ready) before the spawn: a kiosk's browser
 * waits for its host, not the other way round. The page is opened as soon as the host prints
 * its URLs.
 */
async function coldOnce(
  browser: Browser,
  root: string,
  title: string,
): Promise<{ total: number; host: number }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    await armPaint(context, { text: title });
    const page = await context.newPage();
    const host = await startHallway(root);
    try {
      const url = host.rooms.find((u) => u.endsWith(`/room/${COLD_ROOM}`));
      if (!url) throw new Error(`hallway serve printed no URL for the ${COLD_ROOM} room`);
      await page.goto(url, { waitUntil: 'commit' });
      const painted = await paintedAt(page, { text: title }, 15_000);
      return { total: painted - host.spawnedAt, host: host.readyAt - host.spawnedAt };
    } finally {
      await host.stop();
    }
  } finally {
    await context.close();
  }
}

/** The floor: a bare node:http server spawned the same way, serving one static page with the title. */
async function coldFloorOnce(browser: Browser, title: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    await armPaint(context, { text: title });
    const page = await context.newPage();
    const esc = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const floor = await startStaticFloor({
      '/': {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><meta charset="utf-8"><title>floor</title><body style="font-family:${SCREEN_FONTS}"><h1>${esc}</h1>`,
      },
    });
    try {
      await page.goto(floor.url, { waitUntil: 'commit' });
      return (await paintedAt(page, { text: title }, 15_000)) - floor.spawnedAt;
    } finally {
      await floor.stop();
    }
  } finally {
    await context.close();
  }
}

export async function coldStart(browser: Browser, root: string, until: number, runs = 5): Promise<Row[]> {
  const title = currentTitle(root, COLD_ROOM, OPML_CLOCK);
  await coldOnce(browser, root, title); // warm-up: disk cache, tsx's transform cache
  await coldFloorOnce(browser, title);
  const xs: number[] = [];
  const hostMs: number[] = [];
  const floorMs: number[] = [];
  // Alternating, so the load of a shared machine falls on both alike.
  for (let i = 0; i < runs && (i === 0 || Date.now() < until); i++) {
    floorMs.push(await coldFloorOnce(browser, title));
    const r = await coldOnce(browser, root, title);
    xs.push(r.total);
    hostMs.push(r.host);
  }
  const [lo, hi] = minMax(xs);
  const med = median(xs);
  const floor = median(floorMs);
  const ratio = med / floor;
  return [
    {
      measurement: 'floor: spawn a bare node:http server → its static page painted (ms)',
      median: fmt(floor),
      spread: `${fmt(Math.min(...floorMs))}–${fmt(Math.max(...floorMs))}`,
      target: '(reference)',
      met: null,
      note: `${floorMs.length} runs, alternating with Hallway's; the page: the same title in the screens' fonts`,
    },
    {
      measurement: 'cold start: spawn `hallway serve` → room page painted (ms)',
      median: `${fmt(med)} = ${fmt(ratio)}× floor`,
      spread: `${fmt(lo)}–${fmt(hi)}`,
      target: '≤ 3× floor',
      met: ratio <= 3,
      note:
        `${xs.length} runs after a warm-up, Chromium already running; of the median, ${fmt(median(hostMs))} ms until the host ` +
        `printed its URLs (node + tsx compiling the CLI's TypeScript + program load + listen), the rest loading the page ` +
        `until "${title}" is painted` +
        (ratio > 3 && median(hostMs) > med / 2
          ? '. Missed mostly before the page could load: in a checkout bin/hallway.mjs compiles the TypeScript ' +
            'through tsx at every start; a packaged app runs the compiled JS (npm run build:electron), which starts ' +
            'the host in roughly half the time on this machine, and lazy-loading what serving a screen does not need ' +
            '(importers, admin-only routes) would shorten it further'
          : ''),
    },
  ];
}
