import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHost, test, type TestHost } from './support/host.js';
import { settled } from './support/screen.js';
import { SCREENSHOT_AT, SCREENSHOT_PAGES, seedScreenshotHost } from './support/screenshot-pages.js';

// Pictures of each screen kind at each size, on every run, for people to look at:
// test-results/screenshots/<project>-<page>-<width>x<height>.png
const OUT = resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 3840, height: 2160 },
];

let host: TestHost;
test.beforeAll(async () => {
  host = await startHost({ clock: SCREENSHOT_AT, rate: 0 });
  await seedScreenshotHost(host);
  mkdirSync(OUT, { recursive: true });
});
test.afterAll(async () => {
  await host?.close();
});

for (const size of SIZES) {
  test(`screenshots at ${size.width}×${size.height}`, async ({ page }, info) => {
    await page.setViewportSize(size);
    for (const p of SCREENSHOT_PAGES) {
      await page.goto(p.url(host));
      await settled(page);
      await page.screenshot({
        path: `${OUT}/${info.project.name}-${p.name}-${size.width}x${size.height}.png`,
      });
    }
  });
}
