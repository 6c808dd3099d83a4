import type { TestHost } from './host.js';

/**
 * The pages pictured on every run, and the overrides put on the host first, so that the same
 * pictures come out of each engine: test-results/screenshots/<project or engine>-<page>-<w>x<h>.png
 * (Chromium: screenshots.spec.ts; Firefox and WebKit: tests/cross-engine/).
 */
export const SCREENSHOT_AT = '2019-05-20T10:50:00-07:00';
const AT = SCREENSHOT_AT;

export const SCREENSHOT_PAGES = [
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

/** A delay, a cancelled talk and an announcement: the screens' busiest look. */
export async function seedScreenshotHost(host: TestHost): Promise<void> {
  await host.post({ kind: 'delay', session: 't1-production', minutes: 10 });
  await host.post({ kind: 'cancel', talk: 't2-deep-learning-4', note: 'speaker ill' });
  await host.post({ kind: 'announce', text: 'Lunch is served in the Magnolia Room from 12:30 PM' });
}
