import { startNatsCluster, type NatsCluster } from '../support/nats-cluster.js';
import { expect, startHost, test, type TestHost } from './support/host.js';
import { settled } from './support/screen.js';

// Two hosts sharing one journal through a 3-node NATS cluster (issue #18): a browser screen whose
// host is SIGKILLed moves to the other within 2 s, without a reload, at the latest revision.
const AT = '2019-05-20T10:45:00-07:00';
const S = 'stevens-creek';

let nats: NatsCluster;
let a: TestHost;
let b: TestHost;
test.beforeEach(async () => {
  nats = await startNatsCluster(3);
  const args = ['--cluster', nats.urls.join(','), '--cluster-stream', `E2E_${process.pid}`];
  [a, b] = await Promise.all([
    startHost({ clock: AT, rate: 1, args }),
    startHost({ clock: AT, rate: 1, args }),
  ]);
  // Both take writes once the stream is there; each lists the other once it heard from it.
  for (const h of [a, b])
    await expect
      .poll(
        async () => (await h.post({ kind: 'announce', text: `ready ${h.port}` }).catch(() => null)) !== null,
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
  for (const h of [a, b])
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${h.url}/api/snapshot`)).json()) as { hosts?: string[] }).hosts?.length,
        {
          timeout: 10_000,
        },
      )
      .toBe(2);
});
test.afterEach(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await nats?.stop();
});

test('its host SIGKILLed: the room screen moves to the other host within 2 s and shows what is written there', async ({
  page,
}) => {
  await page.goto(a.room(S));
  await settled(page);
  // A reload would lose this.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await b.post({ kind: 'announce', text: 'Written at the other desk' });
  await expect(page.getByTestId('announcement-band')).toContainText('Written at the other desk');

  await a.kill();
  const killed = Date.now();
  const { revision } = await b.post({ kind: 'announce', text: 'Coffee moved to the atrium' });
  await expect(page.getByTestId('announcement-band')).toContainText('Coffee moved', { timeout: 2_000 });
  expect(Date.now() - killed).toBeLessThan(2_000);
  await expect(page.getByTestId('offline')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  // The host the screen reports to now lists it at that revision.
  await expect
    .poll(async () => {
      const res = await fetch(`${b.url}/api/screens`, { headers: { authorization: `Bearer ${b.token}` } });
      const list = (await res.json()) as { page: string; revision: number }[];
      return list.some((s) => s.page === 'room' && s.revision >= revision);
    })
    .toBe(true);
});

test('what staff set for a screen at one host holds at the other: its host killed, it keeps its assigned room', async ({
  page,
}) => {
  const screen = 'door-east';
  await page.goto(`${a.room(S)}?screen=${screen}`);
  await settled(page);
  const api = (h: TestHost, path: string, body: unknown) =>
    fetch(h.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}` },
      body: JSON.stringify(body),
    });
  // Listed at a once it beat; staff at a move it to Winchester.
  await expect
    .poll(async () => (await api(a, '/api/screens/assign', { screen, group: 'east' })).status, {
      timeout: 20_000,
    })
    .toBe(200);
  const assigned = await api(a, '/api/screens/assign', {
    screen,
    assignment: { page: 'room', room: 'winchester' },
  });
  expect(assigned.status).toBe(200);
  await expect(page.getByTestId('screen-title')).toContainText('Winchester');

  await a.kill();
  await b.post({ kind: 'announce', text: 'Lunch is served' });
  await expect(page.getByTestId('announcement-band')).toContainText('Lunch is served', { timeout: 2_000 });
  // b told it the assignment made at a: it stays in Winchester (before, b's "none" sent it back to
  // its URL's room).
  await page.waitForTimeout(1_000);
  await expect(page.getByTestId('screen-title')).toContainText('Winchester');
  await expect(page).toHaveURL(new RegExp(`/room/${S}`));
  // Staff at b reach it by its group, set at a.
  const identify = await api(b, '/api/screens/command', { command: 'identify', group: 'east' });
  expect(await identify.json()).toEqual({ screens: [screen] });
  await expect(page.getByTestId('identify')).toBeVisible({ timeout: 2_000 });
});

test('the admin shows the cluster: both hosts, the stream, which NATS nodes answer', async ({ page }) => {
  await page.goto(a.room(S));
  await settled(page);
  const admin = await page.context().newPage();
  await admin.goto(b.admin());
  const panel = admin.getByTestId('cluster-panel');
  await expect(panel.getByTestId('cluster-host')).toHaveCount(2, { timeout: 10_000 });
  await expect(panel.getByTestId('cluster-node')).toHaveCount(3);
  await expect(panel.getByTestId('cluster-node').filter({ hasText: 'answers' })).toHaveCount(3);
  await expect(panel.getByTestId('cluster-stream')).toContainText('last revision #');
  // The room screen on host a is listed under a.
  await expect(panel.getByTestId('cluster-host').filter({ hasText: a.url })).toContainText(S);
  await nats.nodes[2]!.kill();
  await expect(panel.getByTestId('cluster-node').filter({ hasText: 'NOT answering' })).toHaveCount(1, {
    timeout: 15_000,
  });
  for (const [w, h] of [
    [1920, 1080],
    [1080, 1920],
  ] as const) {
    await admin.setViewportSize({ width: w, height: h });
    await panel.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: `test-results/cluster-admin-${w}x${h}.png` });
  }
});
