// The Electron shell: starts the host (or connects to one elsewhere), and puts the screens on the
// venue's displays. Kept thin: what can be decided without Electron is a pure function in shell/.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerSaveBlocker, screen } from 'electron';
import Store from 'electron-store';
import {
  quarantineInvalidStore,
  startHost,
  STORE_OPTIONS,
  type RunningHost,
  type StoreShape,
} from './host/index.js';
import { defaultDataDir } from './host/paths.js';
import { STORE_FILE } from './host/store-schema.js';
import { parseShellArgs, type ShellOptions } from './shell/args.js';
import { connectTo, fetchSnapshot } from './shell/connect.js';
import { defaultConfig, parseDisplaysConfig, type DisplaysConfig } from './shell/config.js';
import { displayInfos, setupDisplays } from './shell/displays.js';
import { isHostUrl } from './shell/guard.js';
import { pinCertificate } from './shell/security.js';
import { ADMIN_TOKEN_CHANNEL } from './shell/identity.js';
import { changedWindows, planWindows, roomsWithoutWindow, type WindowSpec } from './shell/plan.js';
import { captureWindows } from './shell/capture.js';
import { applySpec, createScreenWindow, screenIdentity } from './shell/windows.js';

const log = (line: string) => console.log(line);

/** Thrown for what staff must fix (a bad option or config): shown in a box, then the app quits. */
class ShellError extends Error {}

const args = parseShellArgs(process.argv.slice(1));
if (!args.ok) fail(new ShellError(`Hallway cannot start:\n${args.errors.join('\n')}`));
else main(args.options, args.ignored);

function main(options: ShellOptions, ignored: string[]): void {
  const dataDir = options.data ?? defaultDataDir();
  // Before the lock: the single-instance lock, the partitions and electron-store all live here,
  // so two data dirs are two independent Hallways.
  app.setPath('userData', dataDir);
  if (!app.requestSingleInstanceLock()) {
    log('Hallway is already running with this data dir: focused its admin window instead.');
    app.quit();
    return;
  }
  const userArgs = ignored.filter((a) => !a.startsWith('--') && !a.endsWith('.js'));
  if (userArgs.length) log(`ignoring arguments: ${userArgs.join(' ')}`);
  app
    .whenReady()
    .then(() => run(options, dataDir))
    .catch((e: unknown) => fail(e));
}

async function run(options: ShellOptions, dataDir: string): Promise<void> {
  powerSaveBlocker.start('prevent-display-sleep');
  if (options.kiosk) Menu.setApplicationMenu(null);

  let host: RunningHost | undefined;
  // The windows by their registry name, for the host's capture of one on staff's request.
  const byScreen = new Map<string, BrowserWindow>();
  const machine = hostname();
  let origin: string;
  let roomIds: string[];
  let hosts: string[] = [];
  if (options.connect) {
    const connected = await connectTo(options.connect, fetchSnapshot).catch((e: unknown) => {
      throw new ShellError((e as Error).message);
    });
    ({ origin, hosts } = connected);
    roomIds = connected.rooms;
    log(
      `connected to the host at ${origin} (${roomIds.length} rooms); screens move to ${hosts.filter((h) => h !== origin).join(', ') || 'no other host'} when it goes silent`,
    );
  } else {
    quarantineInvalidStore(join(dataDir, STORE_FILE), log);
    const store = new Store<StoreShape>({
      name: STORE_OPTIONS.configName,
      cwd: dataDir,
      clearInvalidConfig: STORE_OPTIONS.clearInvalidConfig,
      configFileMode: STORE_OPTIONS.configFileMode,
      defaults: STORE_OPTIONS.defaults,
    });
    host = await startHost({
      dataDir,
      store,
      log,
      lan: options.lan,
      ...(options.program !== undefined ? { programPath: options.program } : {}),
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.clock !== undefined ? { clock: options.clock } : {}),
      ...(options.rate !== undefined ? { rate: options.rate } : {}),
      ...(options.follow !== undefined ? { follow: options.follow } : {}),
      ...(options.everyMs !== undefined ? { everyMs: options.everyMs } : {}),
      ...(options.zone !== undefined ? { zone: options.zone } : {}),
      capture: captureWindows((name) => byScreen.get(name)),
      ...(options.cluster !== undefined
        ? {
            cluster: {
              servers: options.cluster,
              ...(options.clusterStream !== undefined ? { stream: options.clusterStream } : {}),
            },
          }
        : {}),
    });
    origin = new URL(host.url).origin;
    if (host.tls) pinCertificate(app, host.tls.electronFingerprint, origin, log);
    roomIds = host.screens.flatMap((s) => (s.kind === 'room' && s.room ? [s.room] : []));
  }

  const config = await loadConfig(
    options.config ?? join(dataDir, 'displays.json'),
    options.config !== undefined,
    roomIds,
  );
  const missing = roomsWithoutWindow(config, roomIds);
  if (missing.length) log(`displays: no window shows ${missing.join(', ')}`);

  const windows = new Map<string, BrowserWindow>();
  // The registry's assignments (kept by this host) win over the config's; with --connect the
  // windows open as configured and follow the remote registry's directives themselves.
  const planOptions = {
    kiosk: options.kiosk,
    assignment: (name: string) => host?.assignment(`${machine}/${name}`) ?? null,
  };
  let plan: WindowSpec[] = planWindows(config, displayInfos(screen), planOptions);
  const ctx = { hostOrigin: origin, hosts, machine, locked: options.kiosk, log };
  for (const spec of plan) {
    const win = createScreenWindow(spec, ctx);
    windows.set(spec.key, win);
    byScreen.set(screenIdentity(spec, machine).screen, win);
    log(
      `screen ${spec.screen}: ${spec.page}${spec.room ? ` ${spec.room}` : ''} on display ${spec.displayId}${spec.fallback ? ' (its display is missing: on the primary)' : ''}`,
    );
  }
  const adminWindow = () => {
    const spec = plan.find((s) => s.page === 'admin') ?? plan[0];
    return spec ? windows.get(spec.key) : undefined;
  };

  setupDisplays(screen, (displays) => {
    const next = planWindows(config, displays, planOptions, plan);
    for (const spec of changedWindows(plan, next)) {
      const win = windows.get(spec.key);
      if (win) applySpec(win, spec);
      log(
        `screen ${spec.screen}: moved to display ${spec.displayId}${spec.fallback ? ' (its display is missing: on the primary)' : ''}`,
      );
    }
    plan = next;
  });

  // The token goes only to the admin window's own page, on the host's origin.
  ipcMain.handle(ADMIN_TOKEN_CHANNEL, (event) => {
    const admin = adminWindow();
    const frameUrl = event.senderFrame?.url ?? '';
    const isAdmin = admin !== undefined && !admin.isDestroyed() && event.sender === admin.webContents;
    return isAdmin && isHostUrl(origin, frameUrl) && host ? host.token : null;
  });

  app.on('second-instance', () => {
    const win = adminWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed || !host) return;
    // Let the host end its streams before the process goes.
    event.preventDefault();
    closed = true;
    void host.close().finally(() => app.quit());
  });
}

async function loadConfig(path: string, explicit: boolean, roomIds: string[]): Promise<DisplaysConfig> {
  if (!existsSync(path)) {
    if (explicit) throw new ShellError(`--config ${path}: no such file`);
    log(
      `displays: no ${path}; the admin, the lobby and every room, windowed (copy data/displays.opml19.json there to place them)`,
    );
    return defaultConfig(roomIds);
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new ShellError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const result = parseDisplaysConfig(json, roomIds);
  if (!result.ok) throw new ShellError(`${path} has problems:\n${result.errors.join('\n')}`);
  log(`displays: ${result.config.windows.length} windows from ${path}`);
  return result.config;
}

/** Says what is wrong on the console and, on a kiosk with nobody at a terminal, on the screen. */
function fail(e: unknown): void {
  const message =
    e instanceof ShellError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
  console.error(message);
  void app.whenReady().then(() => {
    dialog.showErrorBox('Hallway', message);
    app.exit(1);
  });
}

process.on('unhandledRejection', (e) => fail(e));
