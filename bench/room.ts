import type { Browser, BrowserContext, Page } from '@playwright/test';
import { ROUTES, type Snapshot } from '../core/protocol/index.js';
import type { Program } from '../core/program/schema.js';
import { nowNext } from '../core/schedule/now-next.js';
import { ms, parseInstant, venueDay } from '../core/time/venue.js';
import { displayTitle } from '../renderer/lib/format.js';
import { launch } from './browser.js';
import { OPML_CLOCK, startHallway, type HallwayHost } from './host.js';
import { armPaint, paintedSinceNavigation } from './paint.js';
import { C3_CLOCK, c3Path } from './scale.js';
import { SCREEN_FONTS, startStaticFloor, type StaticFloor } from './static-floor.js';
import { median, minMax } from './stats.js';
import { fmt, type Row } from './table.js';
import { sleep } from './util.js';

/**
 * Issue 19: one room screen against the single-room floor, on OpML '19 and 35C3 (day 2, 14:00).
 * The floor is a bare page that fetches one room's sessions of the day and what is on elsewhere
 * now as JSON (gzip, as the host sends), writes now/next, the clock and the elsewhere list into a
 * few elements, and updates once a minute.
 */

const IDLE_MS = 60_000;
const VIEWPORT = { width: 1920, height: 1080 };
const HALLWAY_PAINTED = { selector: '[data-testid="room-screen"][data-state]' };
const FLOOR_PAINTED = { selector: 'body[data-painted]' };

const FLOOR_PAGE = `<!doctype html><meta charset="utf-8"><title>room floor</title>
<body style="margin:0;padding:40px;font-family:${SCREEN_FONTS};font-size:40px">
<div id="clock"></div><h1 id="room"></h1><p id="now"></p><p id="next"></p><ul id="elsewhere"></ul>
<script>
let data, base, t0;
const $ = (id) => document.getElementById(id);
const time = (t) => new Date(t).toLocaleTimeString('en-US', { timeZone: data.tz, hour: 'numeric', minute: '2-digit' });
function render() {
  const now = base + (Date.now() - t0);
  $('clock').textContent = time(now);
  const on = data.sessions.find((s) => Date.parse(s.start) <= now && now < Date.parse(s.end));
  const next = data.sessions.find((s) => Date.parse(s.start) > now);
  $('now').textContent = on ? 'Now: ' + on.title : 'Nothing on now';
  $('next').textContent = next ? 'Next: ' + next.title + ' at ' + time(Date.parse(next.start)) : '';
  $('elsewhere').replaceChildren(...data.elsewhere.map((e) => {
    const li = document.createElement('li');
    li.textContent = e.room + ': ' + e.title + ' until ' + time(Date.parse(e.end));
    return li;
  }));
  document.body.dataset.painted = '1';
  setTimeout(render, 60000 - (now % 60000));
}
fetch('/room.json').then((r) => r.json()).then((d) => {
  data = d; base = Date.parse(d.at); t0 = Date.now();
  $('room').textContent = d.room;
  render();
});
</script>`;

/** What the floor page fetches: the room's sessions of the day, and what is on elsewhere now. */
function floorData(p: Program, room: string, at: number) {
  const day = venueDay(p, at);
  const names = new Map(p.rooms.map((r) => [r.id, r.name]));
  return {
    at: new Date(at).toISOString(),
    tz: p.conference.timeZone,
    room: names.get(room),
    sessions: p.sessions
      .filter((s) => s.room === room && venueDay(p, ms(s.start)) === day)
      .map((s) => ({ title: displayTitle(s), start: s.start, end: s.end })),
    elsewhere: p.sessions
      .filter((s) => s.room !== room && ms(s.start) <= at && at < ms(s.end))
      .map((s) => ({
        room: (s.room && names.get(s.room)) ?? 'Everyone',
        title: displayTitle(s),
        end: s.end,
      })),
  };
}

interface Load {
  ms: number;
  /** Bytes received for the first paint (transferSize: encoded bodies plus headers), by kind. */
  bytes: { html: number; js: number; css: number; data: number; other: number };
}

/** Navigation → painted, and the bytes that arrived before it (Resource Timing, same origin). */
async function loadOnce(
  context: BrowserContext,
  url: string,
  want: { selector: string },
): Promise<{ page: Page; load: Load }> {
  await armPaint(context, want);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const t = await paintedSinceNavigation(page, want, 20_000);
  const bytes = await page.evaluate((until) => {
    const out = { html: 0, js: 0, css: 0, data: 0, other: 0 };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    out.html = nav?.transferSize ?? 0;
    for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      if (e.responseEnd > until) continue;
      const kind = /\.js(\?|$)/.test(e.name)
        ? 'js'
        : /\.css(\?|$)/.test(e.name)
          ? 'css'
          : /\/api\/|\.json(\?|$)/.test(e.name)
            ? 'data'
            : 'other';
      out[kind] += e.transferSize;
    }
    return out;
  }, t);
  return { page, load: { ms: t, bytes } };
}

const total = (b: Load['bytes']) => b.html + b.js + b.css + b.data + b.other;
const kb = (n: number) => n / 1024;

/** JS heap after a forced GC, Blink's live nodes, and the nodes in the document (on screen). */
async function alive(page: Page): Promise<{ heap: number; nodes: number; onScreen: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const m = Object.fromEntries(
      (await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]),
    );
    const onScreen = await page.evaluate(() => {
      const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      let n = 1;
      while (w.nextNode()) n++;
      return n;
    });
    return { heap: m.JSHeapUsedSize ?? 0, nodes: m.Nodes ?? 0, onScreen };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

interface Side {
  loads: Load[];
  last: { heap: number; nodes: number; onScreen: number } | null;
  idle: number | null;
  page: Page | null;
  context: BrowserContext | null;
}

interface Dataset {
  name: string;
  host: HallwayHost;
  floor: StaticFloor;
  url: string;
  room: string;
  hallway: Side;
  bare: Side;
  at: string;
}

const side = (): Side => ({ loads: [], last: null, idle: null, page: null, context: null });

async function prepare(
  root: string,
  name: string,
  program: string | undefined,
  clock: string,
): Promise<Dataset> {
  const host = await startHallway(root, { ...(program ? { program } : {}), clock, rate: 1 });
  try {
    const snap = (await (await fetch(host.url + ROUTES.snapshot)).json()) as Snapshot;
    const at = parseInstant(clock);
    // The first room (program order) with a session on now and one next: a screen with both to show.
    const room = snap.program.rooms.find((r) => {
      const nn = nowNext(snap.program, r.id, at);
      return nn.current && nn.next;
    });
    if (!room) throw new Error(`${name}: no room has a session on at ${clock} and one after it`);
    const data = JSON.stringify(floorData(snap.program, room.id, at));
    const floor = await startStaticFloor({
      '/': { type: 'text/html; charset=utf-8', body: FLOOR_PAGE, gzip: true },
      '/room.json': { type: 'application/json', body: data, gzip: true },
    });
    const url = host.rooms.find((u) => u.endsWith(`/room/${room.id}`)) ?? `${host.url}/room/${room.id}`;
    return { name, host, floor, url, room: room.id, hallway: side(), bare: side(), at: clock };
  } catch (e) {
    await host.stop();
    throw e;
  }
}

/** `runs` fresh contexts each (after a warm-up), Hallway and floor in turn; the last kept open. */
async function paints(browser: Browser, d: Dataset, runs: number, until: number): Promise<void> {
  for (let i = 0; i <= runs; i++) {
    const final = i === runs || (i >= 2 && Date.now() > until);
    for (const [s, url, want] of [
      [d.hallway, d.url, HALLWAY_PAINTED],
      [d.bare, d.floor.url, FLOOR_PAINTED],
    ] as const) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const { page, load } = await loadOnce(context, url, want);
      if (i > 0) s.loads.push(load);
      if (final) {
        s.page = page;
        s.context = context;
      } else await context.close();
    }
    if (final) break;
  }
}

async function processTime(page: Page): Promise<{ read: () => Promise<[number, number]> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    read: async () => {
      const m = Object.fromEntries(
        (await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]),
      );
      return [m.ProcessTime ?? 0, m.Timestamp ?? 0];
    },
  };
}

/** Every kept page left alone together for IDLE_MS: the same minute of machine load for all. */
async function idle(sides: Side[]): Promise<void> {
  await sleep(3_000); // past start-up: fonts, first heartbeat
  for (const s of sides) if (s.page) s.last = await alive(s.page);
  const meters = await Promise.all(sides.map((s) => (s.page ? processTime(s.page) : null)));
  const start = await Promise.all(meters.map((m) => m?.read() ?? null));
  await sleep(IDLE_MS);
  const end = await Promise.all(meters.map((m) => m?.read() ?? null));
  sides.forEach((s, i) => {
    const a = start[i];
    const b = end[i];
    if (a && b) s.idle = ((b[0] - a[0]) / (b[1] - a[1] || IDLE_MS / 1000)) * 100;
  });
}

function rows(d: Dataset): Row[] {
  const h = d.hallway.loads;
  const f = d.bare.loads;
  if (h.length === 0 || f.length === 0) throw new Error(`${d.name}: no paint measured`);
  const paintH = median(h.map((l) => l.ms));
  const paintF = median(f.map((l) => l.ms));
  const [lo, hi] = minMax(h.map((l) => l.ms));
  const bytesH = median(h.map((l) => total(l.bytes)));
  const bytesF = median(f.map((l) => total(l.bytes)));
  const part = (k: keyof Load['bytes']) => fmt(kb(median(h.map((l) => l.bytes[k]))));
  const c3 = d.name.startsWith('35C3');
  const bytesOk = bytesH <= 2 * bytesF && (!c3 || kb(bytesH) < 100);
  const heapMb = (d.hallway.last?.heap ?? 0) / 2 ** 20;
  const nodes = d.hallway.last?.nodes ?? 0;
  const onScreen = d.hallway.last?.onScreen ?? 0;
  const floorLast = d.bare.last;
  const idleH = d.hallway.idle;
  const idleF = d.bare.idle;
  const where = `${d.name}, room ${d.room} at ${d.at}`;
  return [
    {
      measurement: `floor (#19): bare room page, ${d.name} → now/next painted (ms)`,
      median: fmt(paintF),
      spread: `${fmt(kb(bytesF))} KB on the wire; heap ${fmt((floorLast?.heap ?? 0) / 2 ** 20)} MB, ${floorLast?.nodes ?? '?'} nodes; idle ${idleF === null ? '?' : fmt(idleF, '%')}`,
      target: '(reference)',
      met: null,
      note:
        `${f.length} fresh contexts after a warm-up; ${where}: one room's sessions of the day and what is on ` +
        'elsewhere now as JSON (gzip), now/next, the clock and the elsewhere list written into a few elements, updated once a minute',
    },
    {
      measurement: `${d.name} room screen: navigation → now/next painted (ms)`,
      median: `${fmt(paintH)} = ${fmt(paintH / paintF)}× floor`,
      spread: `${fmt(lo)}–${fmt(hi)}`,
      target: '≤ 1.5× floor',
      met: paintH / paintF <= 1.5,
      note: `${h.length} fresh contexts after a warm-up, nothing cached; ${where}; painted = first animation frame with the room screen's view (data-state set)`,
    },
    {
      measurement: `${d.name} room screen: bytes on the wire for first paint (KB)`,
      median: `${fmt(kb(bytesH))} = ${fmt(bytesH / bytesF)}× floor`,
      spread: `HTML ${part('html')} + JS ${part('js')} + CSS ${part('css')} + data ${part('data')} + other ${part('other')}`,
      target: c3 ? '≤ 2× floor, < 100' : '≤ 2× floor',
      met: bytesOk,
      note:
        'Resource Timing transferSize (encoded body and headers) of everything that arrived before the paint; the data is ' +
        `${ROUTES.day}?room= (the room payload), gzip` +
        (bytesOk
          ? ''
          : '. Missed: most of it is the room bundle (Svelte runtime, Luxon, core), against a floor page of ' +
            'two kilobytes; what would meet it: a room bundle without the parts a room screen never runs, and venue ' +
            'time without Luxon (Intl alone)'),
    },
    {
      measurement: `${d.name} room screen: JS heap after GC (MB) / Blink nodes alive`,
      median: `${fmt(heapMb)} MB`,
      spread: `${nodes} nodes alive, ${onScreen} in the document = ${fmt(nodes / Math.max(onScreen, 1))}×`,
      target: '< 2.5 MB / < 2× on screen',
      met: heapMb < 2.5 && nodes < 2 * onScreen,
      note: 'CDP HeapProfiler.collectGarbage, then Performance.getMetrics JSHeapUsedSize and Nodes, 3 s after the paint; in the document = every node a TreeWalker visits',
    },
    {
      measurement: `${d.name} room screen: renderer CPU while idle (% of one core)`,
      median:
        idleH === null || idleF === null
          ? 'failed: not measured'
          : `${fmt(idleH, '%')} = ${fmt(idleH / idleF)}× floor`,
      spread: idleF === null ? '' : `floor ${fmt(idleF, '%')}`,
      target: '≤ 1.2× floor',
      met: idleH === null || idleF === null ? null : idleH <= 1.2 * idleF,
      note: `Performance.getMetrics ProcessTime over ${IDLE_MS / 1000} s, clock at rate 1, its loop turning; the four pages (both datasets, Hallway and floor) idle in the same minute`,
    },
  ];
}

/** The #19 rows: OpML '19 and 35C3, each against its floor, in a browser of its own. */
export async function roomScreen(root: string, until: number, runs = 5): Promise<Row[]> {
  const browser = await launch();
  const sets: Dataset[] = [];
  try {
    sets.push(await prepare(root, "OpML '19", undefined, OPML_CLOCK));
    sets.push(await prepare(root, '35C3 day 2', c3Path(root), C3_CLOCK));
    const share = (until - Date.now() - IDLE_MS - 10_000) / sets.length;
    for (const d of sets) await paints(browser, d, runs, Date.now() + share);
    await idle(sets.flatMap((d) => [d.hallway, d.bare]));
    return sets.flatMap(rows);
  } finally {
    for (const d of sets) {
      for (const s of [d.hallway, d.bare]) await s.context?.close().catch(() => undefined);
      await d.floor.stop();
      await d.host.stop();
    }
    await browser.close();
  }
}
