import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import type { DisplaysConfig } from '../../../electron/shell/config.js';
import { findElectron } from '../../../electron/shell/launch.js';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const mainJs = join(root, 'dist', 'electron', 'main.js');
export const electronStatus = findElectron(join(root, 'node_modules', 'electron'));
export const hasElectron = electronStatus.found;
export const NO_ELECTRON =
  'Electron binary not installed here (node_modules/electron/dist missing; needs network to download)';

export const ROOMS = [
  'santa-clara-ballroom',
  'winchester',
  'stevens-creek',
  'lawrence-san-tomas-lafayette',
  'magnolia',
];

/** Chromium refuses its setuid sandbox as root (containers, CI); the page sandbox stays on. */
const chromiumArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

export function shellArgs(dataDir: string, extra: string[] = []): string[] {
  return [
    ...chromiumArgs,
    mainJs,
    '--port',
    '0',
    '--data',
    dataDir,
    '--clock',
    '2019-05-20T10:25:00-07:00',
    ...extra,
  ];
}

export interface Shell {
  app: ElectronApplication;
  dataDir: string;
  /** Every window, once each has loaded its page. */
  windows(count: number): Promise<Page[]>;
  close(): Promise<void>;
}

export async function launchShell(config?: DisplaysConfig, extra: string[] = []): Promise<Shell> {
  if (!electronStatus.found) throw new Error(NO_ELECTRON);
  const dataDir = await mkdtemp(join(tmpdir(), 'hallway-electron-'));
  const args = [...extra];
  if (config) {
    const path = join(dataDir, 'displays.test.json');
    await writeFile(path, JSON.stringify(config));
    args.push('--config', path);
  }
  const app = await _electron.launch({
    executablePath: electronStatus.path,
    args: shellArgs(dataDir, args),
    cwd: root,
  });
  return {
    app,
    dataDir,
    async windows(count) {
      const deadline = Date.now() + 60_000;
      while (app.windows().length < count && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      const pages = app.windows();
      if (pages.length < count)
        throw new Error(`expected ${count} windows, the shell opened ${pages.length}`);
      await Promise.all(pages.map((p) => p.waitForLoadState('load')));
      return pages;
    },
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function pageKind(page: Page): string {
  const url = new URL(page.url());
  return url.pathname;
}

/** The admin token, read from the admin window's URL fragment the host printed. */
export function tokenOf(pages: Page[]): { origin: string; token: string } {
  const admin = pages.find((p) => new URL(p.url()).pathname === '/admin');
  if (!admin) throw new Error('no admin window');
  const url = new URL(admin.url());
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  if (!token) throw new Error(`admin URL has no #token=: ${admin.url()}`);
  return { origin: url.origin, token };
}

/** Starts the shell binary a second time with the same data dir; resolves with its exit code. */
export function secondInstance(dataDir: string): Promise<{ code: number | null; out: string }> {
  if (!electronStatus.found) throw new Error(NO_ELECTRON);
  const child = spawn(electronStatus.path, shellArgs(dataDir), {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}
