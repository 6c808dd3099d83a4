import { ROUTES } from '../../core/protocol/index.js';
import { expect, startHost, test, type TestHost } from './support/host.js';
import { settled } from './support/screen.js';
import { C3_MORNING, C3_XML, THEMED_SIZES } from './support/35c3.js';

// The 35C3 room screen and lobby themed as the conference's own: its logo, its track colours,
// where the rooms are, one room full. Screenshots at three sizes, to be looked at.
const FIXTURE = C3_XML;
const AT = C3_MORNING;
const SIZES = THEMED_SIZES;

let host: TestHost;
test.beforeAll(async () => {
  host = await startHost({ clock: AT, rate: 0, program: FIXTURE });
});
test.afterAll(async () => {
  await host?.close();
});

async function call(method: string, path: string, body: BodyInit, type: string): Promise<unknown> {
  const res = await fetch(host.url + path, {
    method,
    headers: { 'content-type': type, authorization: `Bearer ${host.token}` },
    body,
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${await res.text()}`);
  return res.json();
}

test('the themed 35C3 room screen and lobby, with logo and track colours', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A logo drawn by the browser: the conference's name set in its own lettering.
  const maker = await browser.newPage({ viewport: { width: 900, height: 300 } });
  await maker.setContent(
    `<div id="logo" style="display:inline-block;padding:10px 24px;font:800 120px/1 sans-serif;color:#00f0a0;letter-spacing:-4px">35C3<span style="color:#ffffff;font-weight:300;font-size:56px;letter-spacing:0"> Refreshing Memories</span></div>`,
  );
  const logo = await maker.locator('#logo').screenshot({ omitBackground: true });
  await maker.close();
  const image = (await call('POST', ROUTES.images, new Blob([new Uint8Array(logo)]), 'image/png')) as Record<
    string,
    unknown
  >;
  const { bytes: _bytes, ...ref } = image;
  await call(
    'PUT',
    ROUTES.settings,
    JSON.stringify({
      theme: { background: '#0a0f14', text: '#f2f5f3', accent: '#00f0a0', logo: ref },
      tracks: {
        Security: '#e8425a',
        'Ethics, Society & Politics': '#f0b400',
        Science: '#3aa0ff',
        'Hardware & Making': '#b06cff',
        Resilience: '#2fd1c5',
        CCC: '#ff7b2f',
        'Art & Culture': '#ff5fc8',
        Music: '#8892a0',
        'self organized sessions': '#5f6b7a',
      },
      rooms: {
        borg: {
          building: 'Hall 1',
          floor: 'ground floor',
          stream: 'https://streaming.media.ccc.de/35c3/borg',
        },
        adams: { building: 'Hall 2', floor: 'ground floor' },
        clarke: { building: 'Hall 3', floor: 'ground floor' },
        dijkstra: { building: 'CCL', floor: 'first floor' },
        eliza: { building: 'CCL', floor: 'first floor' },
      },
    }),
    'application/json',
  );
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const name = `${size.width}x${size.height}`;
    await page.goto(`${host.room('borg')}?slide=now`);
    await settled(page);
    await expect(page.getByTestId('logo')).toBeVisible();
    await page.screenshot({ path: `test-results/settings/35c3-room-${name}.png` });
    await page.goto(`${host.room('adams')}?slide=elsewhere`);
    await settled(page);
    await page.screenshot({ path: `test-results/settings/35c3-elsewhere-${name}.png` });
    await page.goto(`${host.lobby()}?slide=grid:0`);
    await settled(page);
    await page.screenshot({ path: `test-results/settings/35c3-lobby-${name}.png` });
  }
});
