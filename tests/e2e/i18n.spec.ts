import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { ROUTES } from '../../core/protocol/index.js';
import { expect, startHost, test, type TestHost } from './support/host.js';
import { overflowing, twoFramesInPage } from './support/screen.js';

// The screens in the conference's language (issue 14): OpML '19 in Japanese by ?lang=, 35C3 in
// German by the settings document, and bilingual de/en. Screenshots land in test-results/i18n/.
const SHOTS = resolve(import.meta.dirname, '../../test-results/i18n');
const FHD = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };
const UHD = { width: 3840, height: 2160 };
const C3 = resolve(import.meta.dirname, '../../../shared/fixtures/schedules/35c3-everything.schedule.xml');

/** A page URL with more query parameters (`host.room(id)` has none of its own without `at`). */
function withQuery(url: string, query: string): string {
  return url + (url.includes('?') ? '&' : '?') + query;
}

async function put(host: TestHost, settings: unknown): Promise<void> {
  const res = await fetch(host.url + ROUTES.settings, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify(settings),
  });
  if (res.status !== 201) throw new Error(`PUT settings → ${res.status}: ${await res.text()}`);
}

/** The page painted from the program, in `lang`, its text fitted. */
async function shown(page: Page, lang: string): Promise<void> {
  await expect(page.getByTestId('clock')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.evaluate(twoFramesInPage);
}

async function shoot(page: Page, name: string, sizes: { width: number; height: number }[]): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.evaluate(twoFramesInPage);
    await page.evaluate(twoFramesInPage);
    expect(await overflowing(page), `${name} ${size.width}x${size.height}`).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}.png` });
  }
}

test.describe("OpML '19 in Japanese", () => {
  let host: TestHost;
  test.beforeAll(async () => {
    host = await startHost({ clock: '2019-05-20T11:00:00-07:00', rate: 0 });
  });
  test.afterAll(async () => host?.close());

  test("the admin's language control sets the conference language; ?lang= still wins", async ({
    page,
    browser,
  }) => {
    const room = await browser.newPage();
    await room.goto(withQuery(host.room('winchester'), 'slide=now'));
    await shown(room, 'en');
    await page.goto(host.admin());
    const control = page.getByTestId('language-control');
    await control.getByTestId('language-primary').selectOption('ja');
    await control.getByTestId('language-secondary').selectOption('en');
    await control.getByRole('button').click();
    await expect(control.getByRole('status')).toHaveText('The screens now speak 日本語 + English.');
    mkdirSync(SHOTS, { recursive: true });
    for (const size of [FHD, PORTRAIT]) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `${SHOTS}/admin-language-${size.width}x${size.height}.png` });
    }
    await expect(room.locator('html')).toHaveAttribute('lang', 'ja', { timeout: 1_000 });
    const byUrl = await browser.newPage();
    await byUrl.goto(withQuery(host.room('winchester'), 'slide=now&lang=de'));
    await shown(byUrl, 'de');
    await control.getByTestId('language-primary').selectOption('en');
    await control.getByTestId('language-secondary').selectOption('');
    await control.getByRole('button').click();
    await expect(room.locator('html')).toHaveAttribute('lang', 'en', { timeout: 1_000 });
    await room.close();
    await byUrl.close();
  });

  test('a room screen by ?lang=ja: Japanese words, 24-hour venue time', async ({ page }) => {
    const ja = (await import('../../renderer/lib/i18n/ja.js')).ja;
    await page.goto(withQuery(host.room('winchester', '2019-05-20T14:05:00-07:00'), 'slide=now&lang=ja'));
    await shown(page, 'ja');
    const screen = page.getByTestId('room-screen');
    await expect(screen).toContainText(ja.session.now);
    await expect(page.getByTestId('clock')).toHaveText('14:05');
    await expect(screen).toContainText('5月20日 月曜日');
    await expect(screen).toContainText('13:30 – 14:30'); // the session's times, 24-hour
    await expect(screen).not.toContainText(/\b(AM|PM|Now|Next)\b/);
    await shoot(page, 'opml-room-ja', [FHD, PORTRAIT, UHD]);

    // the status panel too: the break, said in Japanese
    await page.goto(withQuery(host.room('winchester', '2019-05-20T10:10:00-07:00'), 'slide=now&lang=ja'));
    await shown(page, 'ja');
    await expect(page.getByTestId('status')).toContainText('休憩（10:30まで）');
    await shoot(page, 'opml-room-ja-break', [FHD]);
  });
});

test.describe('35C3 in German, and bilingual', () => {
  let host: TestHost;
  test.beforeAll(async () => {
    host = await startHost({ clock: '2018-12-28T11:50:00+01:00', rate: 0, program: C3 });
  });
  test.afterAll(async () => host?.close());

  test('the settings document makes room and lobby German, live, without a reload', async ({ page }) => {
    test.setTimeout(60_000);
    await put(host, { language: { primary: 'en' } });
    await page.goto(withQuery(host.room('borg'), 'slide=now'));
    await shown(page, 'en');
    await page.evaluate(() => ((window as unknown as { kept: number }).kept = 1));

    await put(host, { language: { primary: 'de' } });
    await expect(page.locator('html')).toHaveAttribute('lang', 'de', { timeout: 1_000 });
    await expect(page.getByTestId('session').first()).toContainText('Jetzt');
    await expect(page.getByTestId('clock')).toHaveText('11:50');
    await expect(page.getByTestId('room-screen')).toContainText('Freitag, 28. Dezember');
    expect(await page.evaluate(() => (window as unknown as { kept?: number }).kept)).toBe(1);
    await shoot(page, '35c3-room-de', [FHD, PORTRAIT, UHD]);

    await page.goto(withQuery(host.room('borg'), 'slide=next'));
    await shown(page, 'de');
    await expect(page.getByTestId('session')).toContainText('Als Nächstes');
    await shoot(page, '35c3-room-de-next', [FHD]);

    await page.goto(withQuery(host.lobby(), 'slide=now:0'));
    await shown(page, 'de');
    await expect(page.getByTestId('lobby-now-next')).toContainText('Als Nächstes');
    await expect(page.getByTestId('lobby-screen')).toContainText('Jetzt & als Nächstes');
    await shoot(page, '35c3-lobby-de-now', [FHD, PORTRAIT]);
    await page.goto(withQuery(host.lobby(), 'slide=grid:0'));
    await shown(page, 'de');
    await expect(page.getByTestId('lobby-screen')).toContainText('Heute');
    await shoot(page, '35c3-lobby-de-grid', [FHD, PORTRAIT]);
  });

  test('bilingual de/en: each slide in German first, in English from half-way', async ({ page }) => {
    test.setTimeout(60_000);
    await put(host, { language: { primary: 'de', secondary: 'en' } });
    await page.setViewportSize(FHD);
    // pinned, the now slide keeps its 20 s: German for 10 s, then English, then German again
    await page.goto(withQuery(host.room('borg'), 'slide=now'));
    await shown(page, 'de');
    const label = page.getByTestId('session').locator('.label').first();
    await expect(label).toHaveText('Jetzt');
    await shoot(page, '35c3-room-bilingual-de', [FHD, PORTRAIT]);
    await page.setViewportSize(FHD);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 12_000 });
    await expect(label).toHaveText('Now');
    await expect(page.getByTestId('clock')).toHaveText('11:50 AM');
    await shoot(page, '35c3-room-bilingual-en', [FHD]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de', { timeout: 12_000 });

    // ?lang= on the URL wins over the conference's choice, whole: Japanese alone
    await page.goto(withQuery(host.room('borg'), 'slide=now&lang=ja'));
    await shown(page, 'ja');
    await put(host, { language: { primary: 'en' } });
  });
});
