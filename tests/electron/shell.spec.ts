import { expect, test } from '@playwright/test';
import type { ShellBridge } from '../../core/protocol/index.js';
import {
  hasElectron,
  launchShell,
  NO_ELECTRON,
  pageKind,
  ROOMS,
  secondInstance,
  type Shell,
  tokenOf,
} from './support/shell.js';

test.skip(!hasElectron, NO_ELECTRON);

declare global {
  interface Window {
    hallway?: ShellBridge;
    __beforeCrash?: boolean;
  }
}

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.close();
  shell = undefined;
});

test('opens the windows the displays config lists, each on its own page', async () => {
  shell = await launchShell({
    windows: [
      { page: 'admin', kiosk: false },
      { page: 'lobby' },
      { page: 'room', room: 'winchester' },
      { page: 'room', room: 'stevens-creek' },
    ],
  });
  const pages = await shell.windows(4);
  expect(pages.map(pageKind).sort()).toEqual(['/admin', '/lobby', '/room/stevens-creek', '/room/winchester']);
  for (const page of pages) expect(new URL(page.url()).searchParams.get('screen')).toBeTruthy();
});

test('without a config: the admin, the lobby and one window per room', async () => {
  shell = await launchShell();
  const pages = await shell.windows(2 + ROOMS.length);
  expect(pages.map(pageKind).sort()).toEqual(['/admin', '/lobby', ...ROOMS.map((r) => `/room/${r}`)].sort());
});

test('more than six screen windows all receive an override (one browser profile each)', async () => {
  // Nine windows holding nine event streams: one shared profile would stall from the 7th on.
  shell = await launchShell({
    windows: [
      { page: 'admin', kiosk: false },
      { page: 'lobby' },
      { page: 'lobby', name: 'lobby-east' },
      { page: 'lobby', name: 'lobby-west' },
      ...ROOMS.map((room) => ({ page: 'room' as const, room })),
    ],
  });
  const pages = await shell.windows(9);
  const { origin, token } = tokenOf(pages);
  const text = `Fire drill at 10:40 — test ${Date.now()}`;
  const res = await fetch(`${origin}/api/overrides`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'alert', text }),
  });
  expect(res.status).toBeLessThan(300);
  const screens = pages.filter((p) => pageKind(p) !== '/admin');
  expect(screens).toHaveLength(8);
  await Promise.all(screens.map((p) => expect(p.getByText(text)).toBeVisible()));
});

test('room and lobby preloads expose only the screen identity; the admin also gets the token', async () => {
  shell = await launchShell({
    windows: [{ page: 'admin', kiosk: false }, { page: 'lobby' }, { page: 'room', room: 'magnolia' }],
  });
  const pages = await shell.windows(3);
  const byPath = (path: string) => pages.find((p) => pageKind(p) === path)!;
  const { token } = tokenOf(pages);

  for (const [path, page, room] of [
    ['/lobby', 'lobby', undefined],
    ['/room/magnolia', 'room', 'magnolia'],
  ] as const) {
    const seen = await byPath(path).evaluate(() => ({
      keys: Object.keys(window.hallway ?? {}),
      identity: window.hallway?.identity,
      node: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(seen.keys.sort()).toEqual(['identity', 'shell']);
    expect(seen.identity).toMatchObject({ page, ...(room ? { room } : {}) });
    expect(seen.identity?.screen).toMatch(/\/(lobby|magnolia)$/);
    expect(seen.node).toBe('undefined');
    expect(seen.process).toBe('undefined');
  }

  const admin = byPath('/admin');
  const keys = await admin.evaluate(() => Object.keys(window.hallway ?? {}).sort());
  expect(keys).toEqual(['adminToken', 'identity', 'shell']);
  expect(await admin.evaluate(() => window.hallway?.adminToken?.())).toBe(token);
});

test('a crashed screen renderer is reloaded by the shell', async () => {
  shell = await launchShell({
    windows: [
      { page: 'admin', kiosk: false },
      { page: 'room', room: 'winchester' },
    ],
  });
  const pages = await shell.windows(2);
  const room = pages.find((p) => pageKind(p) === '/room/winchester')!;
  await room.evaluate(() => (window.__beforeCrash = true));
  await shell.app.evaluate(({ BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows().find((w) =>
      w.webContents.getURL().includes('/room/winchester'),
    );
    win?.webContents.forcefullyCrashRenderer();
  });
  // Back with a fresh page (the marker is gone) after the first backoff delay.
  await expect
    .poll(() => room.evaluate(() => window.__beforeCrash ?? false).catch(() => 'gone'), { timeout: 30_000 })
    .toBe(false);
  await expect(room.locator('body')).not.toBeEmpty();
});

test('a second launch with the same data dir exits and leaves the first running', async () => {
  shell = await launchShell({ windows: [{ page: 'admin', kiosk: false }, { page: 'lobby' }] });
  await shell.windows(2);
  const noticed = shell.app.evaluate(
    ({ app }) => new Promise<boolean>((resolve) => app.once('second-instance', () => resolve(true))),
  );
  const second = await secondInstance(shell.dataDir);
  expect(second.code).toBe(0);
  expect(await noticed).toBe(true);
  const admin = await shell.app.evaluate(({ BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().includes('/admin'));
    return win ? { visible: win.isVisible(), minimized: win.isMinimized() } : null;
  });
  expect(admin).toEqual({ visible: true, minimized: false });
  expect(shell.app.windows()).toHaveLength(2);
});
