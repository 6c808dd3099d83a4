import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHost, test, type TestHost } from './support/host.js';
import { settled } from './support/screen.js';

// Pictures of each screen kind at each size, on every run, for people to look at:
// test-results/screenshots/<project>-<page>-<width>x<height>.png
const OUT = resolve(import.meta.dirname, '../../test-results/screenshots');
const AT = '2019-05-20T10:50:00-07:00';
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 3840, height: 2160 },
];
const PAGES = [
  { name: 'room-now', url: (h: TestHost) => `${h.room('stevens-creek', AT)}&slide=now` },
  {
    name: 'room-break',
    url: (h: TestHost) => `${h.room('winchester', '2019-05-20T10:12:00-07:00')}&slide=now`,
  },
  { name: 'room-next', url: (h: TestHost) => `${h.room('lawrence-san-tomas-lafayette', AT)}&slide=next` },
  { name: 'room-elsewhere', url: (h: TestHost) => `${h.room('magnolia', AT)}&slide=elsewhere` },
  { name: 'lobby-grid', url: (h: TestHost) => `${h.lobby(AT)}&slide=grid:0` },
  { name: 'lobby-now-next', url: (h: TestHost) => `${h.lobby(AT)}&slide=now:0` },
];

let host: TestHost;
test.beforeAll(async () => {
  host = await startHost({ clock: AT, rate: 0 });
  await host.post({ kind: 'delay', session: 't1-production', minutes: 10 });
  await host.post({ kind: 'cancel', talk: 't2-deep-learning-4', note: 'speaker ill' });
  await host.post({ kind: 'announce', text: 'Lunch is served in the Magnolia Room from 12:30 PM' });
  mkdirSync(OUT, { recursive: true });
});
test.afterAll(async () => {
  await host?.close();
});

for (const size of SIZES) {
  test(`screenshots at ${size.width}×${size.height}`, async ({ page }, info) => {
    await page.setViewportSize(size);
    for (const p of PAGES) {
      await page.goto(p.url(host));
      await settled(page);
      await page.screenshot({
        path: `${OUT}/${info.project.name}-${p.name}-${size.width}x${size.height}.png`,
      });
    }
  });
}
