import { expect, startHost, test, type TestHost } from './support/host.js';
import { settled } from './support/screen.js';

// The host goes away: screens keep their loop and clock from what they had, show staff a small
// offline mark, and catch up by themselves (no reload) when it is back.
const AT = '2019-05-20T10:45:00-07:00';
const S = 'stevens-creek';

let host: TestHost;
test.beforeEach(async () => {
  // 60× so the venue clock visibly moves while the host is down
  host = await startHost({ clock: AT, rate: 60 });
});
test.afterEach(async () => {
  await host?.close();
});

test('host stopped: the room keeps running and catches up when it returns', async ({ page }) => {
  await page.goto(host.room(S));
  await settled(page);
  await expect(page.getByTestId('offline')).toHaveCount(0);
  // a reload would lose this
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

  await host.stop();
  await expect(page.getByTestId('offline')).toHaveCount(1, { timeout: 5_000 });
  const clockBefore = await page.getByTestId('clock').textContent();
  await expect(page.getByTestId('clock')).not.toHaveText(clockBefore ?? '', { timeout: 5_000 });
  await expect(page.getByTestId('screen-title')).toHaveText('Stevens Creek Room');
  await expect(page.getByTestId('room-screen')).toHaveAttribute('data-current', /^t2-/);

  await host.restart({ clock: AT, rate: 60 });
  await host.post({ kind: 'announce', text: 'Back online: lunch is in the Magnolia Room' });
  await expect(page.getByTestId('offline')).toHaveCount(0, { timeout: 10_000 });
  await expect(page.getByTestId('announcement-band')).toContainText('Back online', { timeout: 10_000 });
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

test('the host unreachable at load: the room starts from its cached snapshot', async ({ page }) => {
  await page.goto(`${host.room(S, '2019-05-20T11:00:00-07:00')}&slide=now`);
  await settled(page);
  await expect(page.getByTestId('session')).toHaveAttribute('data-session', 't2-deep-learning');

  // the page itself loads, the API does not answer
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await page.reload();
  await expect(page.getByTestId('session')).toHaveAttribute('data-session', 't2-deep-learning');
  await expect(page.getByTestId('clock')).toHaveText('11:00 AM');
  await expect(page.getByTestId('offline')).toHaveCount(1);
});
