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
import { changeToScreens } from './change.js';
import { startFloorServer } from './floor.js';
import { failedRow, markdownTable, notes, type Row } from './table.js';
import { within } from './util.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const started = Date.now();

function version(pkg: string): string {
  try {
    return (
      JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return 'unknown';
  }
}

function hallwayVersion(): string {
  const v = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return `${v} (${sha})`;
  } catch {
    return v;
  }
}

async function part(rows: Row[], name: string, target: string, budgetMs: number, run: () => Promise<Row[]>) {
  const t = Date.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    rows.push(...(await within(run(), budgetMs, name)));
  } catch (e) {
    rows.push(failedRow(name, target, e));
  }
  process.stderr.write(`bench: ${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

const rows: Row[] = [];
let browser: Browser | null = null;
try {
  browser = await launch();
} catch (e) {
  rows.push(failedRow('launch Chromium', '', e));
}
const b = browser;

if (b) {
  await part(rows, 'change → screens', 'p99 ≤ 1.5× floor', 240_000, async () => {
    const floor = await startFloorServer();
    try {
      return await changeToScreens(b, floor, null);
    } finally {
      await floor.child.stop();
    }
  });
}

const chromiumVersion = b?.version() ?? 'unknown';
await b?.close().catch(() => undefined);

const header = [
  `Date: ${new Date().toISOString()}`,
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end`,
  `Versions: node ${process.version}, Chromium ${chromiumVersion}, Playwright ${version('@playwright/test')}, Hallway ${hallwayVersion()}`,
  `Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s`,
];
const table = markdownTable(rows);
const noteText = notes(rows);
const out = `${header.join('  \n')}\n\n${table}\n${noteText ? `\n${noteText}\n` : ''}`;
process.stdout.write(out);
writeFileSync(
  path.join(ROOT, 'bench', 'results.md'),
  `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.ts); a real run on the machine below.\n\n${out}`,
);
