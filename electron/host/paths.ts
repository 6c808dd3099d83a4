import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout (or unpacked app) root: the nearest folder above this module holding Hallway's
 * package.json. Walking up works from the sources (tsx) and from the build (dist/electron/...).
 */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'hallway') return dir;
      } catch {
        // Not ours or unreadable: keep walking.
      }
    }
    const up = dirname(dir);
    if (up === dir) return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    dir = up;
  }
}

export const defaultProgramPath = (): string => join(appRoot(), 'data', 'opml19.json');
export const defaultRendererDir = (): string => join(appRoot(), 'dist', 'renderer');

/**
 * Where Electron's app.getPath('userData') points for an app named Hallway, computed without
 * Electron, so `hallway serve` and the desktop app share one store.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Hallway');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Hallway');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Hallway');
}
