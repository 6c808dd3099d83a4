import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The host serves dist/renderer: build it when a source is newer than the last build. The build
 * goes to a side directory and is swapped in, so a run in another terminal never sees it half-empty.
 */
const root = resolve(import.meta.dirname, '../../..');
const out = join(root, 'dist/renderer');
const stamp = join(out, '.built');

function newest(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

export default function globalSetup(): void {
  const sources = Math.max(
    newest(join(root, 'renderer')),
    newest(join(root, 'core')),
    statSync(join(root, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources && !process.env.HALLWAY_REBUILD) return;
  const side = join(root, `dist/.renderer-${process.pid}`);
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', side], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0)
    throw new Error(`vite build failed (exit ${r.status}): fix the renderer build before the e2e tests`);
  writeFileSync(join(side, '.built'), new Date().toISOString());
  mkdirSync(join(root, 'dist'), { recursive: true });
  const old = join(root, `dist/.renderer-old-${process.pid}`);
  if (existsSync(out)) renameSync(out, old);
  renameSync(side, out);
  rmSync(old, { recursive: true, force: true });
}
