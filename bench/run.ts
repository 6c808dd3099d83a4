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
import { ensureRendererBuilt } from './build.js';
import { changeToScreens } from './change.js';
import { coldStart } from './coldstart.js';
import { startFloorServer } from './floor.js';
import { hallwayFanout } from './hallway-fanout.js';
import { idleCost } from './idle.js';
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

async function part(name: string, target: string, budgetMs: number, run: () => Promise<Row[]> | Row[]) {
  const t = Date.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    rows.push(...(await within(Promise.resolve().then(run), budgetMs, name)));
  } catch (e) {
    rows.push(failedRow(name, target, e));
  }
  process.stderr.write(`bench: ${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

let build: string;
try {
  build = ensureRendererBuilt(ROOT);
} catch (e) {
  build = `vite build failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
}

await part('weight', '< 80', 10_000, () => weight(ROOT));
let c3: ReturnType<typeof scaleInNode> | null = null;
await part('35C3 import and now/next', '< 300 ms, < 1 ms', 60_000, () => {
  c3 = scaleInNode(ROOT);
  return c3.rows;
});

let browser: Browser | null = null;
try {
  browser = await launch();
} catch (e) {
  rows.push(failedRow('launch Chromium', '', e));
}
const b = browser;
if (b) {
  await part('change → screens', 'p99 ≤ 1.5× floor', 240_000, async () => {
    const floor = await startFloorServer();
    try {
      return await changeToScreens(b, floor, hallwayFanout(ROOT));
    } finally {
      await floor.child.stop();
    }
  });
  await part('cold start', '< 1000 ms', 90_000, () => coldStart(b, ROOT));
  await part('35C3 lobby', '< 300 ms, heap < 10 MB', 90_000, () => {
    if (!c3) throw new Error('the 35C3 import failed above');
    return scaleInBrowser(b, ROOT, c3.program);
  });
}
const chromiumVersion = b?.version() ?? 'unknown';
await b?.close().catch(() => undefined);

// Each in a browser of its own, so process-level figures belong to the one page.
await part('idle room screen', '< 0.5 %', 100_000, () => idleCost(ROOT));
await part('long day', 'heap < 2 MB, nodes flat', 160_000, () => longDay(ROOT));

const header = [
  `Date: ${new Date().toISOString()}`,
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
  `Versions: node ${process.version}, Chromium ${chromiumVersion}, Playwright ${version('@playwright/test')}, Hallway ${hallwayVersion()}`,
  `Renderer: ${build}`,
  `Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s`,
];
const table = markdownTable(rows);
const noteText = notes(rows);
const out = `${header.join('  \n')}\n\n${table}\n${noteText ? `\nNotes:\n\n${noteText}\n` : ''}`;
process.stdout.write(out);
writeFileSync(
  path.join(ROOT, 'bench', 'results.md'),
  `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.ts): a real run on the machine below.\n\n${out}`,
);
