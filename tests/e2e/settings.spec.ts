import type { Page } from '@playwright/test';
import { ROUTES } from '../../core/protocol/index.js';
import { expect, startHost, test, type TestHost } from './support/host.js';

// A settings change in the admin (here its API) restyles every open screen within a second,
// without a reload, and the screens keep it across a host restart.
const AT = '2019-05-20T10:45:00-07:00';

let host: TestHost;
test.beforeAll(async () => {
  host = await startHost({ clock: AT, rate: 0 });
});
test.afterAll(async () => {
  await host?.close();
});

async function put(settings: unknown): Promise<void> {
  const res = await fetch(host.url + ROUTES.settings, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify(settings),
  });
  if (res.status !== 201) throw new Error(`PUT settings → ${res.status}: ${await res.text()}`);
}

const background = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('a settings change reaches an open room page within 1 s without a reload, and survives a restart', async ({
  page,
  browser,
}) => {
  await page.goto(host.room('winchester'));
  await expect(page.getByTestId('clock')).toBeVisible();
  expect(await background(page)).toBe('rgb(11, 16, 23)');
  // Marks this page's life: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { kept: number }).kept = 1));

  await put({ theme: { mode: 'light', accent: '#1d4ed8' } });
  await expect.poll(() => background(page), { timeout: 1_000 }).toBe('rgb(247, 245, 240)');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  expect(await page.evaluate(() => (window as unknown as { kept?: number }).kept)).toBe(1);

  await host.restart({ clock: AT, rate: 0 });
  // A screen with nothing cached gets them from the restarted host.
  const fresh = await browser.newPage();
  await fresh.goto(host.room('winchester'));
  await expect(fresh.getByTestId('clock')).toBeVisible();
  expect(await background(fresh)).toBe('rgb(247, 245, 240)');
  const accent = await fresh.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
  );
  expect(accent).toBe('#1d4ed8');
  await fresh.close();

  // After the restart the stream resumes, and the next change is live again.
  await put({ theme: { mode: 'dark' } });
  await expect.poll(() => background(page), { timeout: 1_000 }).toBe('rgb(11, 16, 23)');
});

test('the admin panel saves a theme and a room status that open screens show', async ({ context }) => {
  const room = await context.newPage();
  await room.goto(host.room('winchester'));
  await expect(room.getByTestId('clock')).toBeVisible();
  const admin = await context.newPage();
  await admin.goto(host.admin());
  await admin.getByTestId('settings-panel').locator('summary').click();
  await admin.getByTestId('settings-mode').selectOption('dark');
  await admin.getByTestId('settings-text').fill('#555555');
  await expect(admin.getByTestId('settings-contrast')).toContainText('below the 7:1');
  await admin.getByTestId('settings-background').fill('#000000');
  await admin.getByTestId('settings-text').fill('#ffffff');
  await expect(admin.getByTestId('settings-contrast')).toHaveCount(0);
  await admin.getByTestId('settings-save').click();
  await expect(admin.getByTestId('settings-message')).toContainText('every screen shows it now');
  await expect.poll(() => background(room), { timeout: 1_000 }).toBe('rgb(0, 0, 0)');

  await admin.getByTestId('room-status-panel').locator('summary').click();
  await admin
    .getByTestId('room-status-panel')
    .locator('li[data-room="winchester"]')
    .getByText('Full')
    .click();
  await expect(room.getByTestId('room-status')).toHaveAttribute('data-status', 'full', { timeout: 1_000 });
  await admin
    .getByTestId('room-status-panel')
    .locator('li[data-room="winchester"]')
    .getByText('Open')
    .click();
  await expect(room.getByTestId('room-status')).toHaveCount(0, { timeout: 1_000 });
  await admin.screenshot({ path: 'test-results/settings/admin.png', fullPage: false });
});

test('a bundled font is fetched from the host only when chosen, and set live', async ({ page }) => {
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.woff2')) fonts.push(r.url());
  });
  await page.goto(host.room('winchester'));
  await expect(page.getByTestId('clock')).toBeVisible();
  await put({ theme: { font: 'inter' } });
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.body).fontFamily), { timeout: 2_000 })
    .toContain('Inter Variable');
  await expect.poll(() => fonts.length).toBeGreaterThan(0);
  expect(fonts.every((u) => u.startsWith(host.url) && /inter/i.test(u))).toBe(true);
  await put({ theme: { font: 'system' } });
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.body).fontFamily), { timeout: 1_000 })
    .toContain('DejaVu Sans');
});
