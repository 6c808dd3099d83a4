import { rmSync } from 'node:fs';
import { api, OPML, serve, type ServeProcess, stopServe, tempDir } from '../unit/reliability/helpers.js';
import { expect, test } from './support/host.js';

/**
 * A room page open while the host is SIGKILLed mid-burst and restarted, 20 times: the page never
 * goes blank or to an error page, never reloads, and shows the latest override within 2 s of each
 * restart. And the page's watchdog: a stream that hangs while the host answers makes the page
 * reload; while the host is away it does not.
 */
const AT = '2019-05-20T10:45:00-07:00';
const KILLS = 20;
const CATCH_UP_MS = 2_000;

test(`a room page across ${KILLS} host SIGKILLs: never blank, catches up within 2 s`, async ({ browser }) => {
  test.setTimeout(240_000);
  const data = tempDir('hallway-e2e-crash-');
  const args = (port: number) => [
    '--program',
    OPML,
    '--data',
    data,
    '--port',
    String(port),
    '--clock',
    AT,
    '--rate',
    '1',
  ];
  let host: ServeProcess = await serve(args(0));
  const port = host.port;
  const context = await browser.newContext({ timezoneId: 'America/New_York' });
  const page = await context.newPage();
  let navigations = 0;
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations++;
  });
  const roomUrl = `${host.url}/room/winchester?slide=now`;
  await page.goto(roomUrl);
  await expect(page.getByTestId('session')).toHaveAttribute('data-session', 't1-production');
  const loads = navigations;

  // Sample the page all along: its text must never be empty.
  let sampling = true;
  const samples = { taken: 0, blank: 0, notes: [] as string[] };
  const sampler = (async () => {
    while (sampling) {
      const len = await page.evaluate(() => document.body.innerText.trim().length).catch(() => -1);
      samples.taken++;
      if (len <= 0) {
        samples.blank++;
        samples.notes.push(`blank at sample ${samples.taken}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  const catchUps: number[] = [];
  let acked = 0;
  try {
    for (let round = 0; round < KILLS; round++) {
      // A burst, then the kill lands while posts are still in flight.
      let latest = '';
      let alive = true;
      let firstAck: () => void = () => {};
      const acknowledged = new Promise<void>((r) => (firstAck = r));
      const burst = (async () => {
        for (let n = 0; alive; n++) {
          const text = `Round ${round}, notice ${n}`;
          try {
            const res = await api(host.url, 'POST', '/api/overrides', { kind: 'announce', text }, host.token);
            if (res.status === 201) {
              latest = text;
              acked++;
              firstAck();
            }
          } catch {
            alive = false;
          }
        }
      })();
      await acknowledged;
      await new Promise((r) => setTimeout(r, 50 + ((round * 53) % 200)));
      host.child.kill('SIGKILL');
      await host.exited;
      alive = false;
      await burst;
      expect(latest, `round ${round}: nothing acknowledged before the kill`).not.toBe('');

      host = await serve(args(port));
      const restarted = Date.now();
      // Right after the restart: one more, which the page can only get from the new host.
      const after = `Round ${round}: back`;
      expect(
        (await api(host.url, 'POST', '/api/overrides', { kind: 'announce', text: after }, host.token)).status,
      ).toBe(201);
      acked++;
      await expect(page.getByTestId('announcement-band'), `round ${round}`).toContainText(after, {
        timeout: CATCH_UP_MS * 3,
      });
      catchUps.push(Date.now() - restarted);
      // Everything acknowledged before the kill is in what the page shows from (its room payload).
      const has = await page.evaluate((t) => {
        const raw = localStorage.getItem('hallway:room:winchester');
        const snap = raw
          ? (JSON.parse(raw) as { snapshot?: { program?: { announcements?: { text: string }[] } } }).snapshot
          : undefined;
        return snap?.program?.announcements?.some((a) => a.text === t) === true;
      }, latest);
      expect(has, `round ${round}: "${latest}" acknowledged before the kill, missing on the page`).toBe(true);
    }
  } finally {
    sampling = false;
    await sampler;
    await stopServe(host);
    await context.close();
    rmSync(data, { recursive: true, force: true });
  }
  const slowest = Math.max(...catchUps);
  console.log(
    `crash e2e: ${KILLS} SIGKILLs survived with a room page open, ${acked} overrides acknowledged, ${samples.taken} samples, ${samples.blank} blank, ` +
      `${navigations - loads} reloads, catch-up after restart: median ${catchUps.sort((a, b) => a - b)[catchUps.length >> 1]} ms, slowest ${slowest} ms`,
  );
  expect(samples.blank, samples.notes.join('; ')).toBe(0);
  expect(navigations - loads, 'the page reloaded or navigated').toBe(0);
  expect(page.url()).toBe(roomUrl);
  expect(
    catchUps.filter((ms) => ms > CATCH_UP_MS),
    `catch-ups slower than ${CATCH_UP_MS} ms: ${catchUps.join(', ')}`,
  ).toEqual([]);
});
