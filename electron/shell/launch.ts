// `npm start` / `npm run demo` (bin/launch.mjs): runs the Electron shell, or, where the Electron
// binary is missing, says so in one line and serves the screens for a browser instead.
// Runs under plain Node: never imports 'electron' (which throws when its binary is missing).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot, defaultDataDir } from '../host/paths.js';
import { rendererBuilt } from '../host/static.js';
import { parseShellArgs, serveArgs, type ShellOptions } from './args.js';

export type ElectronStatus = { found: true; path: string } | { found: false; why: string };

/**
 * Where the Electron binary is, the way node_modules/electron/index.js finds it (path.txt, or
 * ELECTRON_OVERRIDE_DIST_PATH), without its throw. `exists`/`read` are injectable for tests.
 */
export function findElectron(
  electronDir: string,
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = existsSync,
  read: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): ElectronStatus {
  if (!exists(join(electronDir, 'package.json')))
    return { found: false, why: 'the electron package is not installed (npm install)' };
  const pathFile = join(electronDir, 'path.txt');
  const executable = exists(pathFile) ? read(pathFile).trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
    return exists(path)
      ? { found: true, path }
      : { found: false, why: `no ${path} (ELECTRON_OVERRIDE_DIST_PATH)` };
  }
  if (!executable) return { found: false, why: 'node_modules/electron/dist is missing' };
  const path = join(electronDir, 'dist', executable);
  return exists(path) ? { found: true, path } : { found: false, why: `no ${path}` };
}

/** The one line printed where Electron is missing. */
export function missingElectronLine(why: string): string {
  return (
    `Electron binary not installed (${why}): run \`node node_modules/electron/install.js\` with network access to get it. ` +
    'Serving the screens for a browser instead (hallway serve):'
  );
}

/** The demo keeps its overrides and simulated clock away from the real day's data. */
export function demoDataDir(): string {
  return join(defaultDataDir(), 'demo');
}

export async function launch(argv: string[]): Promise<number> {
  const parsed = parseShellArgs(argv);
  if (!parsed.ok) {
    for (const e of parsed.errors) console.error(e);
    return 2;
  }
  const unknown = parsed.ignored;
  if (unknown.length) {
    console.error(`unknown option(s): ${unknown.join(' ')}`);
    console.error(
      'Options: --port N --data DIR --program FILE --clock ISO --rate R --lan --config FILE --kiosk --connect URL[,URL...]',
    );
    return 2;
  }
  const options: ShellOptions = { ...parsed.options };
  if (options.demo && options.data === undefined && !options.connect) options.data = demoDataDir();

  const root = appRoot();
  const electron = findOrFetchElectron(join(root, 'node_modules', 'electron'));
  if (!electron.found) {
    console.log(missingElectronLine(electron.why));
    if (options.connect) {
      console.log(
        `(--connect: open ${options.connect[0]}/lobby?hosts=${options.connect.join(',')} or ${options.connect[0]}/room/ROOM in a browser on this machine)`,
      );
      return 1;
    }
    // serve builds the renderer itself when it is missing.
    const { main } = await import('../cli.js');
    return main(['serve', ...serveArgs(options)]);
  }

  buildIfNeeded(root);
  const args = [join(root, 'dist', 'electron', 'main.js'), ...argv];
  if (options.data !== undefined && parsed.options.data === undefined) args.push('--data', options.data);
  const child = spawn(electron.path, args, { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

/**
 * package.json's allowScripts keeps `npm install` from downloading Electron (so installs work
 * offline): fetch it here, once, on the first start that needs it. Offline, the download fails
 * at once and the caller falls back to serving the screens for a browser.
 */
function findOrFetchElectron(electronDir: string): ElectronStatus {
  const first = findElectron(electronDir);
  const installer = join(electronDir, 'install.js');
  if (first.found || process.env.ELECTRON_OVERRIDE_DIST_PATH || !existsSync(installer)) return first;
  spawnSync(process.execPath, [installer], { cwd: electronDir, stdio: 'ignore', timeout: 600_000 });
  return findElectron(electronDir);
}

/** Builds what the shell runs from, when it is missing or older than its sources. */
function buildIfNeeded(root: string): void {
  const rendererDir = join(root, 'dist', 'renderer');
  if (!rendererBuilt(rendererDir))
    run(root, 'vite', ['build', '--logLevel', 'error'], 'building the screens (vite build)');
  const main = join(root, 'dist', 'electron', 'main.js');
  const built = existsSync(main) ? statSync(main).mtimeMs : 0;
  const newest = Math.max(newestSource(join(root, 'electron')), newestSource(join(root, 'core')));
  if (newest > built) run(root, 'typescript', ['-p', 'tsconfig.electron.json'], 'building the shell (tsc)');
}

function run(root: string, pkg: 'vite' | 'typescript', args: string[], what: string): void {
  console.log(`${what}...`);
  const bin =
    pkg === 'vite'
      ? join(root, 'node_modules', 'vite', 'bin', 'vite.js')
      : join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0)
    throw new Error(`${what} failed (exit ${r.status}); fix the errors above and run npm start again`);
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.c?ts$/.test(entry.name)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
