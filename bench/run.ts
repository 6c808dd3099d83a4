/**
 * `npm run bench`: what Hallway costs and how fast a change reaches the screens, as one markdown
 * table printed and written to bench/results.md. Each part that fails prints its row as
 * "failed: reason" and the run goes on.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { launch } from './browser.js';
import { ensureHostBuilt, ensureRendererBuilt } from './build.js';
import { changeToScreens } from './change.js';
import { clusterChange } from './cluster.js';
import { coldStart } from './coldstart.js';
import { followToScreens } from './follow.js';
import { startFloorServer } from './floor.js';
import { stopAll } from './proc.js';
import { hallwayFanout } from './hallway-fanout.js';
import { httpFanout } from './http-fanout.js';
import { idleCost } from './idle.js';
import { journalCost } from './journal.js';
import { resumeAfterMissed } from './resume.js';
import { roomScreen } from './room.js';
import { longDay } from './longday.js';
import { scaleInBrowser, scaleInNode } from './scale.js';
import { failedRow, markdownTable, notes, type Row } from './table.js';
import { within } from './util.js';
import { weight } from './weight.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const started = Date.now();

function version(pkg: string): string {
  try {
    const file = path.join(ROOT, 'node_modules', pkg, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function hallwayVersion(): string {
  const v = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no') ? ', with uncommitted changes' : '';
    return `${v} (${git('rev-parse', '--short', 'HEAD')}${dirty})`;
  } catch {
    return v;
  }
}

const rows: Row[] = [];
/** BENCH_ONLY=weight,lobby runs only the parts whose names contain one of these (results.md untouched). */
const ONLY =
  process.env.BENCH_ONLY?.split(',')
    .map((w) => w.trim())
    .filter(Boolean) ?? null;
/**
 * The whole run stays within 12 minutes: parts cut their repetitions to fit their share. The
 * later parts' budgets are reserved whole, so the first browser part gets what they leave: at 10
 * minutes that was ~8 s, too little for 50 pages.
 */
const DEADLINE = started + 720_000;

interface PartContext {
  emit(row: Row): void;
  /** Wall clock by which the part should wrap up (it starts no new repetition after it). */
  until: number;
}

/**
 * Runs one part within its budget; rows it emitted before a failure stay, and the failure is one
 * more row. Later parts' budgets are reserved, so an overrun here cannot starve them.
 */
async function part(
  name: string,
  target: string,
  budgetMs: number,
  reservedAfterMs: number,
  run: (ctx: PartContext) => Promise<void> | void,
) {
  if (ONLY && !ONLY.some((w) => name.includes(w))) return;
  const t = Date.now();
  const until = Math.min(t + budgetMs, DEADLINE - reservedAfterMs);
  process.stderr.write(`bench: ${name} (until +${Math.round((until - t) / 1000)} s)…\n`);
  const emitted: Row[] = [];
  const ctx: PartContext = { emit: (r) => void emitted.push(r), until };
  try {
    // The hard stop: a part that hangs past its time plus a grace period fails, the run goes on.
    await within(
      Promise.resolve().then(() => run(ctx)),
      Math.max(until - t, 10_000) + 45_000,
      name,
    );
    rows.push(...emitted);
  } catch (e) {
    rows.push(...emitted, failedRow(name, target, e));
  }
  process.stderr.write(`bench: ${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

const emitAll = (ctx: PartContext, list: Row[]) => list.forEach((r) => ctx.emit(r));

let build: string;
try {
  build = ensureRendererBuilt(ROOT);
} catch (e) {
  build = `vite build failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
}
let hostBuild: string;
try {
  hostBuild = ensureHostBuilt(ROOT);
} catch (e) {
  hostBuild = `tsc failed, host runs through tsx: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
}

// Budgets (ms) of the parts still to come, reserved while earlier ones run.
const IDLE_BUDGET = 80_000;
const DAY_BUDGET = 120_000;
const RESUME_BUDGET = 30_000;
const COLD_BUDGET = 50_000;
const LOBBY_BUDGET = 60_000;
const FOLLOW_BUDGET = 40_000;
const ROOM_BUDGET = 130_000;
const LATER_BROWSER =
  COLD_BUDGET + LOBBY_BUDGET + FOLLOW_BUDGET + IDLE_BUDGET + DAY_BUDGET + RESUME_BUDGET + ROOM_BUDGET;

await part('weight', '< 80', 10_000, 0, (ctx) => emitAll(ctx, weight(ROOT)));
await part('35C3 import and now/next', '≤ 2.5× floor, < 1 ms', 30_000, 0, (ctx) =>
  emitAll(ctx, scaleInNode(ROOT).rows),
);
await part(
  'journal: override POST and host start',
  '≤ 1.2× / ≤ 1.5× the small journal',
  60_000,
  0,
  async (ctx) => emitAll(ctx, await journalCost(ROOT, ctx.until)),
);
await part('change → HTTP stream clients', 'p99 ≤ 1.5× floor, RSS < 250 MB', 120_000, 0, async (ctx) =>
  emitAll(ctx, await httpFanout(ROOT)),
);
await part('cluster: change → streams on two hosts', '(informs)', 60_000, 0, async (ctx) =>
  emitAll(ctx, await clusterChange(ROOT, ctx.until)),
);

let browser: Browser | null = null;
try {
  browser = await launch();
} catch (e) {
  rows.push(failedRow('launch Chromium', '', e));
}
const b = browser;
if (b) {
  await part('change → screens', 'p99 ≤ 1.5× floor', 240_000, LATER_BROWSER, async (ctx) => {
    const floor = await startFloorServer();
    try {
      await changeToScreens(b, floor, hallwayFanout(ROOT), ctx.emit, ctx.until);
    } finally {
      await floor.child.stop();
    }
  });
  await part(
    'cold start',
    '≤ 3× floor',
    COLD_BUDGET,
    LOBBY_BUDGET + FOLLOW_BUDGET + IDLE_BUDGET + DAY_BUDGET,
    async (ctx) => emitAll(ctx, await coldStart(b, ROOT, ctx.until)),
  );
  await part(
    '35C3 lobby',
    '≤ 2× floor, heap < 10 MB',
    LOBBY_BUDGET,
    FOLLOW_BUDGET + IDLE_BUDGET + DAY_BUDGET,
    async (ctx) => {
      emitAll(ctx, await scaleInBrowser(b, ROOT, ctx.until));
    },
  );
  await part(
    '35C3 follow: new version → screens',
    '< 3000 ms',
    FOLLOW_BUDGET,
    IDLE_BUDGET + DAY_BUDGET,
    async (ctx) => emitAll(ctx, await followToScreens(b, ROOT)),
  );
}
const chromiumVersion = b?.version() ?? 'unknown';
await b?.close().catch(() => undefined);

// Each in a browser of its own, so process-level figures belong to the one page.
await part(
  'idle room screen',
  '< 0.5 %',
  IDLE_BUDGET,
  DAY_BUDGET + RESUME_BUDGET + ROOM_BUDGET,
  async (ctx) => emitAll(ctx, await idleCost(ROOT)),
);
await part('long day', 'heap < 2 MB, nodes flat', DAY_BUDGET, RESUME_BUDGET + ROOM_BUDGET, async (ctx) =>
  emitAll(ctx, await longDay(ROOT)),
);
await part('resume after missed entries', 'no snapshot fetch', RESUME_BUDGET, ROOM_BUDGET, async (ctx) =>
  emitAll(ctx, await resumeAfterMissed(ROOT)),
);
await part(
  'single-room: room screen against the floor (#19)',
  'ratios to the floor',
  ROOM_BUDGET,
  0,
  async (ctx) => emitAll(ctx, await roomScreen(ROOT, ctx.until)),
);

const header = [
  `Date: ${new Date().toISOString()}`,
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
  `Versions: node ${process.version}, Chromium ${chromiumVersion}, Playwright ${version('@playwright/test')}, Hallway ${hallwayVersion()}`,
  `Renderer: ${build}`,
  `Host: ${hostBuild}`,
  `Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s`,
  'Pages: Debian Chromium headless, each page in its own browser context. Each "floor" row is the least the ' +
    'same measure can cost (a bare node:http server and page, fast-xml-parser alone, plain HTTP stream clients), ' +
    'measured in the same run and set-up: on another machine only the Hallway/floor ratios carry over.',
];
const table = markdownTable(rows);
const noteText = notes(rows);
const out = `${header.join('  \n')}\n\n${table}\n${noteText ? `\nNotes:\n\n${noteText}\n` : ''}`;
process.stdout.write(out);
const failed = rows.filter((r) => r.median.startsWith('failed:')).length;
if (failed) process.stderr.write(`bench: ${failed} row(s) failed; see the table\n`);
if (!ONLY)
  writeFileSync(
    path.join(ROOT, 'bench', 'results.md'),
    `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.ts): a real run on the machine below.\n\n${out}`,
  );

// A part that timed out may still hold a host or a page: end them, then exit rather than wait.
await stopAll();
process.exit(0);
