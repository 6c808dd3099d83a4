// electron/main.ts against a fake of the Electron API (the binary cannot be downloaded here):
// the real host, the real plan and security code, and a record of every Electron call made.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

interface FakeContents extends EventEmitter {
  url: string;
  loads: string[];
  openHandler?: (d: { url: string }) => { action: string };
  css: string[];
  crashed: number;
}
interface FakeWindow extends EventEmitter {
  options: { webPreferences: Record<string, unknown>; x: number; y: number; width: number; height: number };
  webContents: FakeContents;
  bounds: unknown[];
  focused: number;
}
interface FakeSession {
  partition: string;
  permission?: (c: unknown, p: string, cb: (ok: boolean) => void) => void;
  check?: () => boolean;
  headers?: (d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void;
}

const fake = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- hoisted above the imports
  const { EventEmitter } = require('node:events') as typeof import('node:events');
  const state = {
    windows: [] as FakeWindow[],
    sessions: new Map<string, FakeSession>(),
    ipc: new Map<string, (e: unknown) => unknown>(),
    app: new EventEmitter(),
    screen: new EventEmitter(),
    displays: [
      {
        id: 1,
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
        workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      },
    ],
    userData: '',
    blocker: '',
    menu: 'default' as unknown,
    quit: 0,
  };
  class BrowserWindow extends EventEmitter {
    options: FakeWindow['options'];
    webContents: FakeContents;
    bounds: unknown[] = [];
    focused = 0;
    kiosk: boolean;
    constructor(options: FakeWindow['options'] & { kiosk: boolean }) {
      super();
      this.options = options;
      this.kiosk = options.kiosk;
      const contents = Object.assign(new EventEmitter(), {
        url: '',
        loads: [] as string[],
        css: [] as string[],
        crashed: 0,
        setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
          contents.openHandler = h;
        },
        insertCSS(css: string) {
          contents.css.push(css);
          return Promise.resolve('');
        },
        forcefullyCrashRenderer() {
          contents.crashed++;
        },
        getURL: () => contents.url,
        closeDevTools() {},
        capturePage: () =>
          Promise.resolve({ isEmpty: () => false, toPNG: () => Buffer.from([0x89, 0x50, 0x4e, 0x47]) }),
      }) as unknown as FakeContents & Record<string, unknown>;
      this.webContents = contents;
      state.windows.push(this as unknown as FakeWindow);
    }
    loadURL(url: string) {
      this.webContents.url = url;
      this.webContents.loads.push(url);
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isKiosk = () => this.kiosk;
    setKiosk = (k: boolean) => (this.kiosk = k);
    isFullScreen = () => this.kiosk;
    setFullScreen() {}
    setBounds = (b: unknown) => this.bounds.push(b);
    setMenu() {}
    isMinimized = () => false;
    restore() {}
    show() {}
    focus = () => this.focused++;
  }
  const electron = {
    app: Object.assign(state.app, {
      setPath: (_: string, p: string) => (state.userData = p),
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      quit: () => state.quit++,
      exit: (code: number) => {
        throw new Error(`app.exit(${code})`);
      },
    }),
    BrowserWindow,
    session: {
      fromPartition(partition: string) {
        const s: FakeSession & Record<string, unknown> = {
          partition,
          setPermissionRequestHandler: (h: FakeSession['permission']) => (s.permission = h),
          setPermissionCheckHandler: (h: FakeSession['check']) => (s.check = h),
          setDevicePermissionHandler() {},
          on() {},
          webRequest: { onHeadersReceived: (h: FakeSession['headers']) => (s.headers = h) },
        };
        state.sessions.set(partition, s);
        return s;
      },
    },
    screen: Object.assign(state.screen, {
      getAllDisplays: () => state.displays,
      getPrimaryDisplay: () => state.displays[0],
    }),
    ipcMain: { handle: (channel: string, h: (e: unknown) => unknown) => state.ipc.set(channel, h) },
    Menu: { setApplicationMenu: (m: unknown) => (state.menu = m) },
    powerSaveBlocker: { start: (type: string) => ((state.blocker = type), 1) },
    dialog: {
      showErrorBox: (_t: string, m: string) => {
        throw new Error(m);
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('electron-store', () => ({
  default: class extends Conf {
    constructor(o: { name: string; cwd: string }) {
      super({ ...o, configName: o.name, projectName: 'hallway' } as never);
    }
  },
}));

const { state } = fake;
let dir = '';
const argv = process.argv;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hallway-main-'));
  const config = join(dir, 'displays.json');
  await writeFile(
    config,
    JSON.stringify({
      windows: [
        { page: 'admin', kiosk: false },
        { page: 'lobby', display: 1 },
        { page: 'room', room: 'winchester', display: 2 },
        { page: 'room', room: 'stevens-creek', display: 3 },
        { page: 'room', room: 'magnolia', display: 4 },
        { page: 'room', room: 'santa-clara-ballroom', display: 5 },
        { page: 'room', room: 'lawrence-san-tomas-lafayette', display: 6 },
        { page: 'lobby', name: 'lobby-east', display: 7 },
      ],
    }),
  );
  state.displays = Array.from({ length: 8 }, (_, i) => ({
    id: 100 + i,
    bounds: { x: i * 1920, y: 0, width: 1920, height: 1080 },
    workArea: { x: i * 1920, y: 0, width: 1920, height: 1040 },
  }));
  process.argv = [
    'electron',
    'dist/electron/main.js',
    '--port',
    '0',
    '--data',
    dir,
    '--config',
    config,
    '--kiosk',
  ];
  await import('../../../electron/main.js');
  await vi.waitFor(() => expect(state.windows).toHaveLength(8), { timeout: 15_000 });
});

afterAll(async () => {
  process.argv = argv;
  const event = { preventDefault: () => {} };
  state.app.emit('before-quit', event);
  await vi.waitFor(() => expect(state.quit).toBeGreaterThan(0));
  await rm(dir, { recursive: true, force: true });
});

/** The admin token the host keeps in the data dir's store. */
const storedToken = (): string =>
  (JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { token: string }).token;

const win = (path: string) => state.windows.find((w) => new URL(w.webContents.url).pathname === path)!;

describe('electron/main.ts', () => {
  it('uses the data dir as userData, keeps displays awake, removes the menu in kiosk mode', () => {
    expect(state.userData).toBe(dir);
    expect(state.blocker).toBe('prevent-display-sleep');
    expect(state.menu).toBeNull();
  });

  it('opens every configured window on the host, each with its screen name', () => {
    const paths = state.windows.map((w) => new URL(w.webContents.url).pathname).sort();
    expect(paths).toEqual([
      '/admin',
      '/lobby',
      '/lobby',
      '/room/lawrence-san-tomas-lafayette',
      '/room/magnolia',
      '/room/santa-clara-ballroom',
      '/room/stevens-creek',
      '/room/winchester',
    ]);
    const origins = new Set(state.windows.map((w) => new URL(w.webContents.url).origin));
    expect(origins.size).toBe(1);
    // The admin window takes its token from the preload bridge: no token in any URL the shell opens.
    const token = storedToken();
    for (const w of state.windows) for (const url of w.webContents.loads) expect(url).not.toContain(token);
    expect(new URL(win('/admin').webContents.url).hash).toBe('');
    expect(new URL(win('/room/winchester').webContents.url).searchParams.get('screen')).toMatch(
      /\/winchester$/,
    );
  });

  it('gives every window its own partition and the secure webPreferences', () => {
    expect([...state.sessions.keys()].sort()).toEqual(
      state.windows.map((_, n) => `persist:screen-${n}`).sort(),
    );
    for (const w of state.windows) {
      expect(w.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: false,
      });
    }
    expect(String(win('/admin').options.webPreferences.preload)).toMatch(/preload-admin\.cjs$/);
    expect(String(win('/room/winchester').options.webPreferences.preload)).toMatch(/preload-screen\.cjs$/);
    const identity = (win('/room/winchester').options.webPreferences.additionalArguments as string[])[0]!;
    expect(JSON.parse(decodeURIComponent(identity.replace('--hallway-screen=', '')))).toMatchObject({
      page: 'room',
      room: 'winchester',
    });
  });

  it('puts each window fullscreen on its display under --kiosk, the admin windowed', () => {
    expect(win('/room/winchester').options).toMatchObject({ x: 3840, kiosk: true });
    expect(win('/admin').options).toMatchObject({ x: 0, kiosk: false });
  });

  it('refuses navigation off the host, new windows, and every permission', () => {
    const room = win('/room/winchester');
    const event = { preventDefault: vi.fn() };
    room.webContents.emit('will-navigate', event, 'https://www.usenix.org/');
    expect(event.preventDefault).toHaveBeenCalled();
    const ok = { preventDefault: vi.fn() };
    room.webContents.emit('will-navigate', ok, new URL('/lobby', room.webContents.url).href);
    expect(ok.preventDefault).not.toHaveBeenCalled();
    expect(room.webContents.openHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    const session = state.sessions.get('persist:screen-2')!;
    const answer = vi.fn();
    session.permission?.(room.webContents, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(session.check?.()).toBe(false);
  });

  it('adds the host CSP to a response that lacks one, and leaves the host’s own alone', () => {
    const session = state.sessions.get('persist:screen-1')!;
    const bare = vi.fn();
    session.headers?.({ responseHeaders: {} }, bare);
    expect(bare.mock.calls[0]![0]).toMatchObject({
      responseHeaders: { 'Content-Security-Policy': [expect.stringContaining("default-src 'self'")] },
    });
    const own = vi.fn();
    session.headers?.({ responseHeaders: { 'content-security-policy': ['x'] } }, own);
    expect(own.mock.calls[0]![0]).toEqual({ responseHeaders: { 'content-security-policy': ['x'] } });
  });

  it('hides the cursor on room and lobby windows, not on the admin', () => {
    win('/room/magnolia').webContents.emit('dom-ready');
    win('/admin').webContents.emit('dom-ready');
    expect(win('/room/magnolia').webContents.css.join()).toContain('cursor: none');
    expect(win('/admin').webContents.css).toEqual([]);
  });

  it('answers the admin token to the admin window only', async () => {
    const ask = state.ipc.get('hallway:admin-token')!;
    const admin = win('/admin');
    const token = storedToken();
    expect(token.length).toBeGreaterThanOrEqual(16);
    expect(await ask({ sender: admin.webContents, senderFrame: { url: admin.webContents.url } })).toBe(token);
    const room = win('/room/winchester');
    expect(await ask({ sender: room.webContents, senderFrame: { url: room.webContents.url } })).toBeNull();
    expect(
      await ask({ sender: admin.webContents, senderFrame: { url: 'https://evil.example/' } }),
    ).toBeNull();
  });

  it('reloads a screen whose renderer crashed', async () => {
    const room = win('/room/stevens-creek');
    const before = room.webContents.loads.length;
    room.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await vi.waitFor(() => expect(room.webContents.loads.length).toBe(before + 1), { timeout: 5_000 });
  });

  it('captures a window for the admin on request, typed against the fake Electron API', async () => {
    const room = win('/room/winchester');
    const name = new URL(room.webContents.url).searchParams.get('screen')!;
    const origin = new URL(room.webContents.url).origin;
    const capture = (screen: string) =>
      fetch(`${origin}/api/screens/capture?screen=${encodeURIComponent(screen)}`, {
        headers: { authorization: `Bearer ${storedToken()}` },
      });
    const res = await capture(name);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await capture('a-browser-elsewhere')).status).toBe(404);
  });

  it('a second launch focuses the admin window', () => {
    const admin = win('/admin');
    const before = admin.focused;
    state.app.emit('second-instance');
    expect(admin.focused).toBe(before + 1);
  });

  it('moves the window of an unplugged display to the primary one', async () => {
    const room = win('/room/magnolia');
    state.displays = state.displays.filter((d) => d.bounds.x !== 4 * 1920);
    state.screen.emit('display-removed', {}, {});
    await vi.waitFor(() => expect(room.bounds.length).toBe(1), { timeout: 5_000 });
    expect(room.bounds[0]).toMatchObject({ x: expect.any(Number) });
    expect((room.bounds[0] as { x: number }).x).toBeLessThan(1920);
  });
});
