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
