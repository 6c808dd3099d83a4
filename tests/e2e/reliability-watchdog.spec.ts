import { expect, test } from './support/host.js';

/**
 * The page's own watchdog (renderer/lib/client-heartbeat.ts): when the host's event stream hangs,
 * the room page reloads itself, but only once the host answers; while the host is away it keeps
 * showing what it has. The page's timers run on Playwright's clock so 45 s of silence take none.
 */

test.use({ hostOptions: { clock: '2019-05-20T10:45:00-07:00', rate: 1 } });

test('a hung event stream: no reload while the host is away, one reload once it answers', async ({
  host,
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  await page.clock.install();
  // The stream's request never gets an answer (a proxy holding it, a half-open link): the
  // EventSource stays "connecting" and no event, hello or keepalive ever arrives.
  let held = 0;
  await context.route('**/api/events**', () => {
    held++;
  });
  let hostAway = true;
  let healthChecks = 0;
  await context.route('**/api/health', async (route) => {
    healthChecks++;
    if (hostAway) await route.abort('connectionrefused');
    else await route.continue();
  });
  let loads = 0;
  page.on('load', () => loads++);

  await page.goto(host.room('winchester'));
  await expect(page.getByTestId('room-screen')).toHaveAttribute('data-current', 't1-production');
  const first = loads;
  const tick = async (ms: number) => {
    await page.clock.fastForward(ms);
    // Let the heartbeat's and the watchdog's fetches finish in real time.
    await page.waitForTimeout(400);
  };

  // Two minutes of silence with the host unreachable: checks happen, no reload, screen stays.
  for (let i = 0; i < 8; i++) await tick(16_000);
  expect(healthChecks, 'the watchdog never asked whether the host answers').toBeGreaterThan(0);
  expect(loads, 'reloaded while the host was away').toBe(first);
  expect((await page.evaluate(() => document.body.innerText.trim())).length).toBeGreaterThan(0);
  await expect(page.getByTestId('screen-title')).toHaveText('Winchester Room');
  const checksWhileAway = healthChecks;

  // The host answers again: the next watchdog check reloads the page, once.
  hostAway = false;
  for (let i = 0; i < 4 && loads === first; i++) await tick(16_000);
  expect(loads, 'no reload once the host answered').toBe(first + 1);
  await expect(page.getByTestId('room-screen')).toHaveAttribute('data-current', 't1-production');
  console.log(
    `watchdog: stream held ${held} time(s); ${checksWhileAway} health checks while the host was away, 0 reloads; ` +
      `host back: ${loads - first} reload`,
  );
  await context.close();
});
