import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import type { Browser } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { readFrabXml } from '../core/import/frab-xml.js';
import { importSchedule } from '../core/import/index.js';
import { parseProgram } from '../core/program/parse.js';
import { asEffective } from '../core/overrides/apply.js';
import type { Program } from '../core/program/schema.js';
import { ROUTES } from '../core/protocol/index.js';
import { nowNext } from '../core/schedule/now-next.js';
import { parseInstant } from '../core/time/venue.js';
import { metrics } from './browser.js';
import { startHallway } from './host.js';
import { SCREEN_FONTS, startStaticFloor } from './static-floor.js';
import { armPaint, paintedSinceNavigation } from './paint.js';
import { median, minMax } from './stats.js';
import { fmt, type Row } from './table.js';

/** Day 2 of 35C3, mid-afternoon: nearly every one of the 75 rooms has something on. */
export const C3_CLOCK = '2018-12-28T14:00:00+01:00';

export const c3Path = (root: string) =>
  path.resolve(root, '..', 'shared', 'fixtures', 'schedules', '35c3-everything.schedule.xml');

function importC3(text: string): Program {
  const r = importSchedule(text);
  if (!r.ok) throw new Error(`35C3 import failed: ${r.errors.slice(0, 3).join('; ')}`);
  return asEffective(r.program);
}

/** Import and now/next in Node: the core functions themselves, no I/O in the timed part. */
export function scaleInNode(root: string, runs = 7): { rows: Row[]; program: Program } {
  const text = readFileSync(c3Path(root), 'utf8');
  let program = importC3(text); // warm-up
  const importMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    program = importC3(text);
    importMs.push(performance.now() - t);
  }
  // Where an import's time goes: reading the XML, and validating the built program.
  const readMs: number[] = [];
  const checkMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    readFrabXml(text);
    readMs.push(performance.now() - t);
    t = performance.now();
    parseProgram(program);
    checkMs.push(performance.now() - t);
  }
  // The floor: fast-xml-parser alone on the same text, attributes kept, values left as text.
  const floorMs: number[] = [];
  const bare = new XMLParser({ ignoreAttributes: false, parseTagValue: false, processEntities: false });
  bare.parse(text);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    bare.parse(text);
    floorMs.push(performance.now() - t);
  }
  const floor = median(floorMs);
  const ratio = median(importMs) / floor;
  const at = parseInstant(C3_CLOCK);
  const rooms = program.rooms.map((r) => r.id);
  const allRooms = () => {
    const t = performance.now();
    for (const id of rooms) nowNext(program, id, at);
    return (performance.now() - t) * 1000;
  };
  // Let the JIT settle, then up to 100 runs, within ~3 s whatever the speed.
  const warm = performance.now();
  for (let i = 0; i < 20 && performance.now() - warm < 1_000; i++) allRooms();
  const nnUs: number[] = [];
  const t0 = performance.now();
  while (nnUs.length < 100 && (nnUs.length < 5 || performance.now() - t0 < 3_000)) nnUs.push(allRooms());
  const [iLo, iHi] = minMax(importMs);
  const [nLo, nHi] = minMax(nnUs);
  const events = program.sessions.length;
  return {
    program,
    rows: [
      {
        measurement: 'floor: fast-xml-parser alone on the 35C3 XML (ms, in Node)',
        median: fmt(floor),
        spread: `${fmt(Math.min(...floorMs))}–${fmt(Math.max(...floorMs))}`,
        target: '(reference)',
        met: null,
        note: `${runs} runs after a warm-up; XMLParser with attributes kept, values as text, entities left undecoded`,
      },
      {
        measurement: '35C3 import, XML → program (ms, in Node)',
        median: `${fmt(median(importMs))} = ${fmt(ratio)}× floor`,
        spread: `${fmt(iLo)}–${fmt(iHi)}`,
        target: '≤ 2.5× floor',
        met: ratio <= 2.5,
        note:
          `${program.rooms.length} rooms, ${events} sessions; ${runs} runs after a warm-up; importSchedule (parse, build, validate): ` +
          `of it, reading the XML (fast-xml-parser + walking it) ${fmt(median(readMs))} ms, validating the program (parseProgram) ` +
          `${fmt(median(checkMs))} ms` +
          (ratio > 2.5
            ? `. Missed; ` +
              'what would meet it: validate once (the importer builds the program, then parseProgram re-checks all of it), ' +
              'and skip what the screens never show until asked'
            : ''),
      },
      {
        measurement: `35C3 now/next for all ${rooms.length} rooms (µs, in Node)`,
        median: fmt(median(nnUs)),
        spread: `${fmt(nLo)}–${fmt(nHi)}`,
        target: '< 1000',
        met: median(nnUs) < 1000,
        note:
          `${nnUs.length} runs at ${C3_CLOCK} after warm-up runs; nowNext once per room, ${fmt(median(nnUs) / rooms.length)} µs each` +
          (median(nnUs) >= 1000
            ? `. Missed: each call sorts and re-parses the times of all ${events} sessions (O(rooms × sessions) for ` +
              'the board); what would meet it: an index built once per program (instants parsed, sessions sorted, ' +
              'per-room lists; cached in a WeakMap keyed by the program) so each room is a binary search'
            : ''),
      },
    ],
  };
}

/** The floor page: fetches the day's cells as JSON and writes each as a plain element. */
const LOBBY_FLOOR_PAGE = `<!doctype html><meta charset="utf-8"><title>lobby floor</title>
<body style="margin:0;font-family:${SCREEN_FONTS}"><div id="grid" style="display:grid;grid-template-columns:repeat(6,1fr);gap:4px"></div>
<script>
fetch('/cells.json').then((r) => r.json()).then((cells) => {
  const grid = document.getElementById('grid');
  for (const c of cells) {
    const el = document.createElement('div');
    el.className = 'cell';
    const t = document.createElement('b');
    t.textContent = c.title;
    el.append(c.room + ' ' + c.start + '–' + c.end + ' ', t);
    grid.append(el);
  }
});
</script>`;

/** The 35C3 day of C3_CLOCK as the cells a lobby shows: room, times and title of each session. */
function dayCells(program: Program): { room: string; start: string; end: string; title: string }[] {
  const day = C3_CLOCK.slice(0, 10);
  const rooms = new Map(program.rooms.map((r) => [r.id, r.name]));
  return program.sessions
    .filter((s) => s.start.startsWith(day))
    .map((s) => ({
      room: (s.room && rooms.get(s.room)) ?? '',
      start: s.start.slice(11, 16),
      end: s.end.slice(11, 16),
      title: s.title,
    }));
}

/** Navigation → the floor page's cells painted, `runs` times in fresh contexts (after a warm-up). */
async function lobbyFloor(
  browser: Browser,
  root: string,
  runs: number,
): Promise<{ ms: number[]; cells: number }> {
  const cells = dayCells(importC3(readFileSync(c3Path(root), 'utf8')));
  const floor = await startStaticFloor({
    '/': { type: 'text/html; charset=utf-8', body: LOBBY_FLOOR_PAGE },
    '/cells.json': { type: 'application/json', body: JSON.stringify(cells) },
  });
  try {
    const ms: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      try {
        await armPaint(context, { selector: '.cell' });
        const page = await context.newPage();
        await page.goto(floor.url, { waitUntil: 'commit' });
        const t = await paintedSinceNavigation(page, { selector: '.cell' }, 20_000);
        if (i > 0) ms.push(t);
      } finally {
        await context.close();
      }
    }
    return { ms, cells: cells.length };
  } finally {
    await floor.stop();
  }
}

/** The lobby board on 35C3, from navigation to its first page painted; and the snapshot's size. */
export async function scaleInBrowser(
  browser: Browser,
  root: string,
  until: number,
  runs = 5,
): Promise<Row[]> {
  const host = await startHallway(root, { program: c3Path(root), clock: C3_CLOCK });
  try {
    const snapRes = await fetch(host.url + ROUTES.snapshot, { headers: { 'accept-encoding': 'gzip, br' } });
    const encoding = snapRes.headers.get('content-encoding');
    const snap = Buffer.from(await snapRes.arrayBuffer());
    // The board's first page is painted when its grid holds session cells.
    const marker = { selector: '[data-testid="lobby-grid"] [data-testid="lobby-cell"]' };
    const paints: number[] = [];
    const parts: { snapshot: number; layoutMs: number; layouts: number; scriptMs: number }[] = [];
    let last: { heap: number; heapGc: number; nodes: number } | null = null;
    for (let i = 0; i <= runs; i++) {
      const final = i === runs || (i >= 2 && Date.now() > until);
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      try {
        await armPaint(context, marker);
        const page = await context.newPage();
        // Enabled before navigating, so its counters cover the whole load.
        const perf = await context.newCDPSession(page);
        await perf.send('Performance.enable');
        await page.goto(host.lobby, { waitUntil: 'commit' });
        const ms = await paintedSinceNavigation(page, marker, 20_000);
        const pm = Object.fromEntries(
          (await perf.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]),
        );
        const snapshotAt = await page.evaluate(
          (route) =>
            (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) =>
              e.name.includes(route),
            )?.responseEnd ?? -1,
          ROUTES.snapshot,
        );
        if (i > 0) {
          paints.push(ms); // the first is a warm-up
          parts.push({
            snapshot: snapshotAt,
            layoutMs: (pm.LayoutDuration ?? 0) * 1000,
            layouts: pm.LayoutCount ?? 0,
            scriptMs: (pm.ScriptDuration ?? 0) * 1000,
          });
        }
        if (final) {
          const m = await metrics(page);
          const cdp = await context.newCDPSession(page);
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.detach();
          const g = await metrics(page);
          last = { heap: m.JSHeapUsedSize ?? 0, heapGc: g.JSHeapUsedSize ?? 0, nodes: m.Nodes ?? 0 };
        }
      } finally {
        await context.close();
      }
      if (final) break;
    }
    const med = median(paints);
    const [lo, hi] = minMax(paints);
    const heapMb = (last?.heapGc ?? 0) / 2 ** 20;
    const floor = await lobbyFloor(browser, root, paints.length);
    const floorMed = median(floor.ms);
    const ratio = med / floorMed;
    return [
      {
        measurement: 'floor: bare page, fetch the 35C3 day’s cells as JSON → painted (ms)',
        median: fmt(floorMed),
        spread: `${fmt(Math.min(...floor.ms))}–${fmt(Math.max(...floor.ms))}`,
        target: '(reference)',
        met: null,
        note: `${floor.ms.length} fresh contexts after a warm-up; ${floor.cells} cells of ${C3_CLOCK.slice(0, 10)} written as plain elements, no framework, the screens' fonts`,
      },
      {
        measurement: '35C3 lobby: navigation → first page painted (ms)',
        median: `${fmt(med)} = ${fmt(ratio)}× floor`,
        spread: `${fmt(lo)}–${fmt(hi)}`,
        target: '≤ 2× floor',
        met: ratio <= 2,
        note:
          `${paints.length} fresh contexts after a warm-up; painted = first animation frame with session cells in the grid; ` +
          `medians until then: snapshot (${fmt(snap.length / 1024)} KB${encoding ? `, sent ${encoding}-encoded` : ', uncompressed'}) in hand at ` +
          `${fmt(median(parts.map((p) => p.snapshot)))} ms, ${fmt(median(parts.map((p) => p.layouts)))} layouts taking ` +
          `${fmt(median(parts.map((p) => p.layoutMs)))} ms, script ${fmt(median(parts.map((p) => p.scriptMs)))} ms` +
          (ratio > 2
            ? '. Why: the page already paints from the day (GET /api/day) or its cache; what is left is the ' +
              'framework and fitting each cell’s text (the layouts above), where the floor writes plain elements. ' +
              'What would meet it: fit a page’s texts in one read-then-write pass (no layout per step)'
            : ''),
      },
      {
        measurement: '35C3 lobby: JS heap (MB) / DOM nodes',
        median: `${fmt(heapMb)} MB`,
        spread: `${last?.nodes ?? '?'} nodes`,
        target: 'heap < 10 MB',
        met: heapMb < 10,
        note:
          `Performance.getMetrics right after the first page painted: JSHeapUsedSize after a forced GC ` +
          `(${fmt((last?.heap ?? 0) / 2 ** 20)} MB before it) and Nodes`,
      },
      {
        measurement: '35C3 snapshot size (KB)',
        median: fmt(snap.length / 1024),
        spread: `gzip ${fmt(gzipSync(snap).length / 1024)}`,
        target: '',
        met: null,
        note:
          `GET ${ROUTES.snapshot}: the effective program, the journal and the clock; ` +
          (encoding ? `the host sends it ${encoding}-encoded` : 'the host sends it uncompressed'),
      },
    ];
  } finally {
    await host.stop();
  }
}
