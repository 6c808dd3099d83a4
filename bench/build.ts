import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestUnder(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestUnder(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The screens are measured as built: rebuild dist/renderer when it is missing or older than the
 * renderer or core sources, so the figures never describe a stale bundle. Says what it did.
 */
export function ensureRendererBuilt(root: string, rebuild = !process.env.BENCH_NO_BUILD): string {
  const marker = path.join(root, 'dist', 'renderer', 'room.html');
  const sources = Math.max(newestUnder(path.join(root, 'renderer')), newestUnder(path.join(root, 'core')));
  const built = existsSync(marker) ? statSync(marker).mtimeMs : null;
  if (built !== null && built >= sources)
    return `dist/renderer as found (built ${new Date(built).toISOString()})`;
  // BENCH_NO_BUILD=1: leave dist/renderer alone (a rebuild empties it under anything serving it).
  if (built !== null && !rebuild)
    return `dist/renderer as found, OLDER than the sources (built ${new Date(built).toISOString()}; BENCH_NO_BUILD set)`;
  const t = Date.now();
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return `dist/renderer rebuilt by the bench (vite build, ${((Date.now() - t) / 1000).toFixed(0)} s)`;
}

/**
 * `hallway serve` is measured as it ships: compiled (bin/hallway.mjs runs dist/electron when it is
 * up to date, else tsx, whose start-up compile would dominate the cold-start figure).
 */
export function ensureHostBuilt(root: string): string {
  const t = Date.now();
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.electron.json'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return `compiled host (tsc -p tsconfig.electron.json, ${((Date.now() - t) / 1000).toFixed(0)} s)`;
}
