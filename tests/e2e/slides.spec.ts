import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startHost, test, type TestHost } from './support/host.js';
import { settled } from './support/screen.js';
import { logoPng, mapPng, putSettings, upload } from './support/slides.js';

// The loop is configuration: a custom slide shows only when its schedule says, a loop change
// reaches open screens within a second without a reload; pictures of each custom slide kind.
const OUT = resolve(import.meta.dirname, '../../test-results/screenshots');
const BEFORE_LUNCH = '2019-05-20T11:58:00-07:00';

let host: TestHost;
test.beforeAll(async () => {
  host = await startHost({ clock: BEFORE_LUNCH, rate: 0 });
});
test.afterAll(async () => {
  await host?.close();
});

const slideOf = (page: Page) => page.getByTestId('room-screen').getAttribute('data-slide');

/** Every slide the room screen shows during `ms`. */
async function slidesDuring(page: Page, ms: number): Promise<Set<string | null>> {
  const seen = new Set<string | null>();
  const end = Date.now() + ms;
  while (Date.now() < end) {
    seen.add(await slideOf(page));
    await page.waitForTimeout(150);
  }
  return seen;
}

test('a custom slide limited to 12:00–13:30 shows in the loop only then', async ({ page }) => {
  test.setTimeout(60_000);
  await host.setClock({ action: 'set', at: BEFORE_LUNCH, rate: 0 });
  await putSettings(host, {
    slides: [
      {
        type: 'text',
        id: 'lunch',
        heading: 'Lunch',
        lines: ['Lunch is served in the Magnolia Room'],
        schedule: { from: '12:00', until: '13:30' },
      },
    ],
    loop: {
      room: [
        { slide: 'now', seconds: 3 },
        { slide: 'custom:lunch', seconds: 3 },
      ],
    },
  });
  await page.goto(host.room('winchester'));
  await settled(page);

  // 11:58: only Now
  expect([...(await slidesDuring(page, 7_000))]).toEqual(['now']);

  await host.setClock({ action: 'set', at: '2019-05-20T12:00:00-07:00', rate: 0 });
  await expect.poll(() => slideOf(page), { timeout: 8_000 }).toBe('custom:lunch');
  await expect(page.getByTestId('custom-text')).toContainText('Lunch is served in the Magnolia Room');

  await host.setClock({ action: 'set', at: '2019-05-20T13:29:00-07:00', rate: 0 });
  await expect.poll(() => slideOf(page), { timeout: 8_000 }).toBe('custom:lunch');

  // 13:30: gone from the loop at once, and it stays out
  await host.setClock({ action: 'set', at: '2019-05-20T13:30:00-07:00', rate: 0 });
  await expect.poll(() => slideOf(page), { timeout: 1_000 }).toBe('now');
  expect([...(await slidesDuring(page, 7_000))]).toEqual(['now']);
});

test('a loop change in the admin reaches an open room page within 1 s, without a reload', async ({
  page,
  browser,
}) => {
  await host.setClock({ action: 'set', at: '2019-05-20T11:00:00-07:00', rate: 0 });
  await putSettings(host, {
    slides: [{ type: 'text', id: 'wifi', heading: 'Wi-Fi', lines: ['Network: OpML · Password: usenix2019'] }],
  });
  await page.goto(host.room('winchester'));
  await settled(page);
  await page.evaluate(() => ((window as unknown as { kept: number }).kept = 1));

  const admin = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await admin.goto(host.admin());
  const panel = admin.getByTestId('slides-panel');
  await panel.locator('summary').first().click();
  await panel.getByLabel('Screens').selectOption({ label: 'Room: Winchester Room' });
  await panel.getByRole('button', { name: 'Give it its own loop' }).click();
  await panel.locator('#loop-add').selectOption('custom:wifi');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  for (const kind of ['now', 'next', 'later', 'elsewhere', 'announcements', 'sponsors'])
    await panel.getByRole('button', { name: `Take ${kind} out of this loop` }).click();
  await expect(panel.getByTestId('loop-list').locator('li')).toHaveCount(1);
  mkdirSync(OUT, { recursive: true });
  await panel.screenshot({ path: `${OUT}/slides-admin-panel.png` });

  const sent = Date.now();
  await panel.getByRole('button', { name: 'Save loop & slides' }).click();
  await expect.poll(() => slideOf(page), { timeout: 1_000, intervals: [25] }).toBe('custom:wifi');
  const took = Date.now() - sent;
  await expect(panel.getByRole('status')).toContainText('every screen runs it now');
  await expect(page.getByTestId('custom-text')).toContainText('usenix2019');
  expect(await page.evaluate(() => (window as unknown as { kept?: number }).kept)).toBe(1);
  test.info().annotations.push({ type: 'admin save → room page', description: `${took} ms` });

  // the other rooms keep every room's loop
  await page.goto(host.room('stevens-creek'));
  await settled(page);
  expect(await slideOf(page)).toBe('now');
  await admin.close();
});

test('pictures of the image, text and QR slides', async ({ page, browser }) => {
  test.setTimeout(120_000);
  mkdirSync(OUT, { recursive: true });
  await host.setClock({ action: 'set', at: '2019-05-20T11:00:00-07:00', rate: 0 });
  const logo = async (name: string, colour: string, mark: string) => ({
    image: await upload(host, await logoPng(browser, name, colour, mark)),
    name,
  });
  const slides = [
    {
      type: 'image' as const,
      id: 'sponsors',
      heading: 'Thank you to our sponsors',
      tiers: [
        {
          name: 'Platinum',
          logos: [await logo('Northwind', '#1d4ed8', 'N'), await logo('Tailspin', '#b91c1c', 'T')],
        },
        {
          name: 'Gold',
          logos: [
            await logo('Contoso', '#047857', 'C'),
            await logo('Fabrikam', '#7c3aed', 'F'),
            await logo('Litware', '#c2410c', 'L'),
          ],
        },
        {
          name: 'Community',
          logos: [
            await logo('Adatum', '#0f766e', 'A'),
            await logo('Proseware', '#be185d', 'P'),
            await logo('Wingtip', '#4338ca', 'W'),
            await logo('Lucerne', '#a16207', 'L'),
            await logo('Margie', '#15803d', 'M'),
          ],
        },
      ],
    },
    {
      type: 'image' as const,
      id: 'map',
      heading: 'Where things are',
      layout: 'map' as const,
      tiers: [
        {
          logos: [{ image: await upload(host, await mapPng(browser)), name: 'Map of the conference floor' }],
        },
      ],
    },
    {
      type: 'text' as const,
      id: 'wifi',
      heading: 'Wi-Fi',
      lines: ['Network: OpML19', 'Password: usenix-santa-clara'],
    },
    {
      type: 'text' as const,
      id: 'emergency',
      heading: 'In an emergency',
      lines: ['Call 911 from any phone', 'Venue security: +1 408 555 0199', 'First aid: registration desk'],
    },
    {
      type: 'qr' as const,
      id: 'feedback',
      heading: 'Feedback',
      url: 'https://www.usenix.org/conference/opml19/feedback',
      caption: 'Tell us how OpML went: two minutes, on your phone',
    },
  ];
  await putSettings(host, {
    slides,
    loop: {
      room: [{ slide: 'now', seconds: 20 }, ...slides.map((s) => ({ slide: `custom:${s.id}`, seconds: 10 }))],
    },
  });
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1080, height: 1920 },
  ]) {
    await page.setViewportSize(size);
    for (const s of slides) {
      await page.goto(`${host.room('winchester')}?slide=custom:${s.id}`);
      await settled(page);
      await expect.poll(() => slideOf(page)).toBe(`custom:${s.id}`);
      if (s.type === 'image')
        await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
      if (s.type === 'qr') await expect(page.getByTestId('qr')).toBeVisible();
      await page.screenshot({ path: `${OUT}/slides-${s.id}-${size.width}x${size.height}.png` });
    }
  }
});
