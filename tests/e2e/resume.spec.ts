import { ROUTES, type ScreenInfo } from '../../core/protocol/index.js';
import { expect, test } from './support/host.js';

/**
 * A screen whose stream dropped while staff made 100 changes catches up over the stream: it
 * reopens after the last revision it applied (`?since=`), the host replays the 100 entries, and
 * no snapshot is fetched (asserted on the host's own request log).
 */
const OPTIONS = { clock: '2019-05-20T10:45:00-07:00', rate: 1, env: { HALLWAY_REQUEST_LOG: '1' } };
test.use({ hostOptions: OPTIONS });

test('a room screen that missed 100 entries catches up over the stream, without a snapshot', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const revisionOf = async () => {
    const res = await fetch(host.url + ROUTES.screens, {
      headers: { authorization: `Bearer ${host.token}` },
    });
    return ((await res.json()) as ScreenInfo[]).find((s) => s.screen === 'resume-test')?.revision;
  };
  await page.goto(`${host.room('winchester')}?screen=resume-test`);
  await expect(page.getByTestId('room-screen')).toContainText('Winchester Room');
  await expect.poll(revisionOf).toBe(0);

  // The stream drops (the host restarts) and cannot come back while the 100 changes are made.
  await page.route('**/api/events**', (r) => r.abort());
  await host.restart(OPTIONS);
  const from = host.output.length;
  for (let i = 1; i < 100; i++) await host.post({ kind: 'announce', text: `missed ${i}` });
  await host.post({ kind: 'alert', text: 'Missed change 100' });
  await page.unroute('**/api/events**');

  await expect.poll(revisionOf, { timeout: 15_000 }).toBe(100);
  await expect(page.getByText('Missed change 100')).toBeVisible();
  const requests = host.output.slice(from).filter((l) => l.startsWith('request: '));
  expect(
    requests.filter((l) => l.includes(ROUTES.snapshot)),
    'snapshot requests after the drop',
  ).toEqual([]);
  expect(requests, 'the stream resumed after revision 0').toContainEqual(
    expect.stringMatching(/^request: GET \/api\/events\?since=0 200$/),
  );
});
