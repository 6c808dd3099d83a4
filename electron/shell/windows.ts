import { fileURLToPath } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { PAGES, type ShellScreen } from '../../core/protocol/index.js';
import { setupCrashRecovery } from './crash.js';
import { screenUrl } from './guard.js';
import { identityArg } from './identity.js';
import { setupKiosk } from './kiosk.js';
import type { WindowSpec } from './plan.js';
import { guardNavigation, setupSessionSecurity } from './security.js';

export interface ScreenWindowContext {
  hostOrigin: string;
  /** Every host the screens may move to when theirs goes silent (--connect's, a cluster's). */
  hosts?: readonly string[];
  /** Prefix of screen names, so screens of several machines stay apart in the admin's list. */
  machine: string;
  /** The --kiosk flag: lock every window down. */
  locked: boolean;
  log: (line: string) => void;
}

const preloadFor = (spec: WindowSpec) =>
  fileURLToPath(
    new URL(spec.page === 'admin' ? './preload-admin.cjs' : './preload-screen.cjs', import.meta.url),
  );

/** No token in any URL: the admin window asks its preload bridge (`adminToken`) for it. */
export function pagePath(spec: WindowSpec): string {
  if (spec.page === 'admin') return PAGES.admin;
  if (spec.page === 'lobby') return PAGES.lobby;
  return PAGES.room(spec.room ?? '');
}

export function screenIdentity(spec: WindowSpec, machine: string): ShellScreen {
  return {
    screen: `${machine}/${spec.screen}`,
    page: spec.page,
    ...(spec.room !== undefined ? { room: spec.room } : {}),
  };
}

export function createScreenWindow(spec: WindowSpec, ctx: ScreenWindowContext): BrowserWindow {
  const ses = session.fromPartition(spec.partition);
  setupSessionSecurity(ses, ctx.log);
  const identity = screenIdentity(spec, ctx.machine);
  const win = new BrowserWindow({
    ...spec.bounds,
    kiosk: spec.kiosk,
    fullscreen: spec.kiosk,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    title: `Hallway — ${spec.screen}`,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would open links in new windows (denied anyway, but not even asked).
      disableBlinkFeatures: 'Auxclick',
      devTools: !ctx.locked,
      // A screen keeps its clock and its stream going when it is not the focused window.
      backgroundThrottling: false,
      session: ses,
      // Reviewed (Electronegativity PRELOAD_JS_CHECK): the preloads expose only a frozen
      // identity object and, on the admin window alone, a token getter whose answer main.ts
      // restricts to that window's own page on the host's origin; no ipcRenderer, no Node.
      preload: preloadFor(spec), // eng-disable PRELOAD_JS_CHECK
      additionalArguments: [identityArg(identity)],
    },
  });
  guardNavigation(win.webContents, ctx.hostOrigin, ctx.log);
  setupKiosk(win, spec.page, ctx.locked);
  // Staff's admin window stays on its host: only screens move.
  const hosts = spec.page === 'admin' ? [] : (ctx.hosts ?? []);
  const url = screenUrl(ctx.hostOrigin, pagePath(spec), identity.screen, hosts);
  const load = () => win.loadURL(url);
  // A reload after a crash says so: the page reports it as its last reload's reason.
  const crashUrl = `${url}${url.includes('?') ? '&' : '?'}reload=crash`;
  setupCrashRecovery(win, spec.screen, () => win.loadURL(crashUrl), ctx.log);
  win.once('ready-to-show', () => win.show());
  load().catch((e: unknown) => ctx.log(`screen ${spec.screen}: first load failed (${String(e)}); retrying`));
  return win;
}

/** Moves a window to where a new plan puts it. */
export function applySpec(win: BrowserWindow, spec: WindowSpec): void {
  if (win.isDestroyed()) return;
  // Leave kiosk/fullscreen first: a fullscreen window ignores new bounds.
  if (win.isKiosk()) win.setKiosk(false);
  if (win.isFullScreen()) win.setFullScreen(false);
  win.setBounds(spec.bounds);
  if (spec.kiosk) win.setKiosk(true);
}
