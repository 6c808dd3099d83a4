import { rmSync } from 'node:fs';
import { ROUTES, type ScreenInfo } from '../../core/protocol/index.js';
import { api, serve, stopServe, tempDir } from '../unit/reliability/helpers.js';
import { expect, test } from './support/host.js';

/**
 * A screen whose stream dropped while staff made 100 changes catches up over the stream: it
 * reopens after the last revision it applied (`?since=`), the host replays the 100 entries, and
 * no snapshot is fetched (asserted on the host's own request log). Only a host that cannot
 * continue from there (another journal) costs a snapshot.
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

test('a screen whose host came back with another journal fetches its payload once and shows it', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.goto(`${host.room('winchester')}?screen=resume-other`);
  await expect(page.getByTestId('room-screen')).toContainText('Winchester Room');
  for (let i = 1; i <= 5; i++) await host.post({ kind: 'announce', text: `first journal ${i}` });

  // Another data dir behind the same address: revisions there count in another journal.
  await page.route('**/api/events**', (r) => r.abort());
  await host.stop();
  const other = tempDir('hallway-e2e-other-');
  const next = await serve(
    ['--data', other, '--port', String(host.port), '--clock', OPTIONS.clock, '--rate', '1'],
    OPTIONS.env,
  );
  try {
    for (let i = 1; i <= 7; i++)
      await api(next.url, 'POST', ROUTES.overrides, { kind: 'announce', text: `other ${i}` }, next.token);
    await api(
      next.url,
      'POST',
      ROUTES.overrides,
      { kind: 'alert', text: 'From the other journal' },
      next.token,
    );
    const from = next.output.length;
    await page.unroute('**/api/events**');
    await expect(page.getByText('From the other journal')).toBeVisible({ timeout: 15_000 });
    // A room screen's snapshot is its room payload (issue 19): that is what it fetches again.
    const snapshots = () =>
      next.output.slice(from).filter((l) => /^request: GET \/api\/day 200$/.test(l)).length;
    await expect.poll(snapshots, { message: 'the room payload fetched once the hello said refetch' }).toBe(1);
    expect(next.output.slice(from).filter((l) => l.includes(ROUTES.snapshot))).toEqual([]);
    // It had tried to resume first: the host's hello told it to refetch.
    expect(next.output.slice(from)).toContainEqual(expect.stringMatching(/events\?since=5 200$/));
  } finally {
    await stopServe(next);
    rmSync(other, { recursive: true, force: true });
  }
});
