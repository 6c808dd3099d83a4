import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { PAGES, SCREEN_PAGE, SCREEN_SILENT_MS } from '../../core/protocol/index.js';
import { type RunningHost, startHost } from '../../electron/host/index.js';
import {
  beatNow,
  listScreens,
  openRoom as openInRegistry,
  screenRow,
  threeRoomsAndAdmin,
} from './support/registry.js';

// Issue 15, "What must show": the registry seen from the admin, three room screens named with
// ?screen=. The host runs in this process so the test can shift the registry's real time (the
// liveness clock) instead of sleeping a minute; the program clock is simulated and held.
const root = resolve(import.meta.dirname, '../..');

let dataDir = '';
let shift = 0;
let host: RunningHost;
let port = 0;

async function start(): Promise<void> {
  host = await startHost({
    dataDir,
    port,
    clock: '2019-05-20T10:25:00-07:00',
    rate: 0,
    rendererDir: join(root, 'dist/renderer'),
    log: () => {},
    screensNow: () => Date.now() + shift,
  });
  port = host.port;
}

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hallway-registry-'));
  shift = 0;
  port = 0;
  await start();
});
test.afterEach(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const registry = () => listScreens(host);
const reloadsOf = async (name: string) => (await registry()).find((s) => s.screen === name)?.reloads;

async function openRoom(page: Page, room: string, name: string): Promise<void> {
  await openInRegistry(host, page, room, name);
  // Gone after any reload: a page that still has it has not been reloaded.
  await page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));
}
const sameLoad = (page: Page) =>
  page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad === true);
const row = screenRow;

test('assign, identify, reload one, silent alarm, restart: all from the registry', async ({ context }) => {
  const [a, b, c, admin] = await threeRoomsAndAdmin(host, context, openRoom);
  await admin.goto(`${host.url}${PAGES.admin}#token=${host.token}`);
  await expect(row(admin, 'door-b')).toBeVisible({ timeout: 10_000 });

  // Reassign door-b to another room and language: it follows within 1 s, without a reload.
  await row(admin, 'door-b').getByTestId('edit-screen').click();
  await admin.getByTestId('assign-what').selectOption('room:santa-clara-ballroom');
  await admin.getByTestId('assign-lang').fill('de');
  await admin.getByTestId('assign-save').click();
  await expect(b.getByTestId('room-screen')).toContainText('Santa Clara Ballroom', { timeout: 1_000 });
  await expect(b.locator('html')).toHaveAttribute('lang', 'de', { timeout: 1_000 });
  expect(await sameLoad(b)).toBe(true);
  await expect(row(admin, 'door-b')).toContainText('room Santa Clara Ballroom (de)', { timeout: 10_000 });

  // Identify door-a: its name in large type there, nowhere else.
  await row(admin, 'door-a').getByRole('button', { name: 'Identify' }).click();
  await expect(a.getByTestId('identify')).toContainText('door-a', { timeout: 1_000 });
  await expect(b.getByTestId('identify')).toHaveCount(0);

  // Reload door-c only: its counter goes up, the others' do not.
  await row(admin, 'door-c').getByTestId('reload-one').click();
  await expect.poll(() => reloadsOf('door-c'), { timeout: 10_000 }).toBe(1);
  expect(await sameLoad(c)).toBe(false);
  expect(await sameLoad(a)).toBe(true);
  expect(await sameLoad(b)).toBe(true);
  expect([await reloadsOf('door-a'), await reloadsOf('door-b')]).toEqual([0, 0]);
  expect((await registry()).find((s) => s.screen === 'door-c')?.lastReload?.why).toBe('staff');

  // Kill door-a; a minute later on the registry's clock it is silent, raised at the top of the
  // admin. The others beat at once on applying a change, so only door-a is silent.
  await a.close();
  shift = SCREEN_SILENT_MS + 1_000;
  await beatNow(host);
  const alarms = admin.getByTestId('alarm');
  await expect(alarms).toHaveCount(1, { timeout: 12_000 });
  await expect(alarms.first()).toContainText('door-a');
  await expect(alarms.first()).toHaveAttribute('data-kind', 'silent');
  const back = await context.newPage();
  await openRoom(back, 'winchester', 'door-a');
  await expect(alarms).toHaveCount(0, { timeout: 12_000 });

  // A host restart keeps the registry and the assignments: door-b still shows its new room.
  await host.close();
  await start();
  const kept = await registry();
  expect(kept.map((s) => s.screen)).toEqual(expect.arrayContaining(['door-a', 'door-b', 'door-c']));
  expect(kept.find((s) => s.screen === 'door-b')?.assignment).toEqual({
    page: 'room',
    room: 'santa-clara-ballroom',
    lang: 'de',
  });
  await b.reload();
  await expect(b.getByTestId('room-screen')).toContainText('Santa Clara Ballroom', { timeout: 5_000 });
});

test('screenshots: a new screen not assigned yet; the admin screens panel in both shapes', async ({
  page,
}) => {
  await page.goto(`${host.url}${SCREEN_PAGE}?screen=foyer-tv-3`);
  await expect(page.getByTestId('not-assigned')).toContainText('foyer-tv-3');
  await expect(page.getByTestId('qr')).toBeVisible();
  await page.screenshot({ path: 'test-results/registry/not-assigned-1920x1080.png' });
  const other = await page.context().newPage();
  await openRoom(other, 'winchester', 'winchester-door');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${host.url}${PAGES.admin}#token=${host.token}`);
  await expect(row(page, 'foyer-tv-3')).toContainText('not assigned', { timeout: 10_000 });
  await row(page, 'winchester-door').getByTestId('edit-screen').click();
  await page.screenshot({ path: 'test-results/registry/admin-1920x1080.png' });
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.screenshot({ path: 'test-results/registry/admin-1080x1920.png' });
});
