import { expect, startHost, test, type TestHost } from './support/host.js';
import { settled } from './support/screen.js';
import { clockOf, day, ROOM_DAY, S, W } from './support/room-day-cases.js';

let host: TestHost;
test.beforeAll(async () => {
  host = await startHost({ clock: day('10:45'), rate: 0 });
});
test.afterAll(async () => {
  await host?.close();
});

test('room screens show the right current and next across the day', async ({ page }) => {
  for (const c of ROOM_DAY) {
    await test.step(`${c.room} at ${c.at}`, async () => {
      await page.goto(`${host.room(c.room, c.at)}&slide=now`);
      await settled(page);
      const screen = page.getByTestId('room-screen');
      await expect(screen, `current in ${c.room} at ${c.at}`).toHaveAttribute('data-current', c.current);
      await expect(screen, `next in ${c.room} at ${c.at}`).toHaveAttribute('data-next', c.next);
      await expect(page.locator('main')).toContainText(c.says);
      // venue time, whatever the browser's zone
      await expect(page.getByTestId('clock')).toHaveText(clockOf(c.at));
    });
  }
});

test('the next slide says when, in venue time', async ({ page }) => {
  await page.goto(`${host.room(W, day('10:15'))}&slide=next`);
  await settled(page);
  const card = page.getByTestId('session');
  await expect(card).toHaveAttribute('data-session', 't1-production');
  await expect(card).toContainText('Next · in 15 min');
  await expect(card).toContainText('10:30 AM – 12:30 PM');
});

test('the talk on now is marked, as an estimate', async ({ page }) => {
  await page.goto(`${host.room(S, day('10:55'))}&slide=now`);
  await settled(page);
  const on = page.locator('li:has([data-testid=on-now])');
  await expect(on).toHaveAttribute('data-talk', 't2-deep-learning-2');
  await expect(on.getByTestId('on-now')).toHaveText('Now · est.');
  await expect(page.getByTestId('minutes-left')).toHaveText('95 min left');
});
