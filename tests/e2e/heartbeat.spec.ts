import { HEARTBEAT_INTERVAL_MS, ROUTES, type ScreenInfo } from '../../core/protocol/index.js';
import { expect, test } from './support/host.js';

// The admin's screen list must show a screen current right after a change, not up to one
// heartbeat interval later. The page's timers are faked and moved on by far less than an
// interval, so only a heartbeat sent on applying the revision can report it.
test('a room screen reports a new revision as soon as it has applied it', async ({ page, host }) => {
  const screens = async (): Promise<ScreenInfo[]> => {
    const res = await fetch(host.url + ROUTES.screens, {
      headers: { authorization: `Bearer ${host.token}` },
    });
    return (await res.json()) as ScreenInfo[];
  };
  const revisionOf = async () => (await screens()).find((s) => s.screen === 'hb-test')?.revision;

  await page.clock.install();
  await page.goto(`${host.room('winchester')}?screen=hb-test`);
  await expect(page.getByTestId('room-screen')).toContainText('Winchester Room');
  await expect.poll(revisionOf).toBe(0);
  // From here the page's time moves only when the test moves it. A generous lead: on a loaded
  // machine the page's clock can pass a close target before pauseAt runs, and fail the call.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 2_000));

  const { revision } = await host.post({ kind: 'announce', text: 'Coffee in the foyer' });
  let pageTime = 0;
  while ((await revisionOf()) !== revision && pageTime < HEARTBEAT_INTERVAL_MS / 3) {
    await page.clock.runFor(250);
    pageTime += 250;
  }
  expect(await revisionOf(), `the screen list after ${pageTime} ms of page time`).toBe(revision);
  await expect(page.getByTestId('room-screen')).toContainText('Coffee in the foyer');
});
