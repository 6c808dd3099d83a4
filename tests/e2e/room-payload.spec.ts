import { readFileSync } from 'node:fs';
import { asEffective } from '../../core/overrides/apply.js';
import { FRAME_PARAM, ROUTES, SCREEN_PAGE, SCREEN_ROUTES } from '../../core/protocol/index.js';
import { StoredProgramShape } from '../../core/program/schema.js';
import { nowNext } from '../../core/schedule/now-next.js';
import { parseInstant } from '../../core/time/venue.js';
import { expect, test } from './support/host.js';
import { settled } from './support/screen.js';

/**
 * Issue 19: a room screen lives on its room payload (GET day?room=): it never fetches the full
 * snapshot, and the payload (cached) runs its whole day with the host gone.
 */
const W = 'winchester';
const OPTIONS = { clock: '2019-05-20T07:30:00-07:00', rate: 1, env: { HALLWAY_REQUEST_LOG: '1' } };
test.use({ hostOptions: OPTIONS });

const program = asEffective(
  StoredProgramShape.parse(
    JSON.parse(readFileSync(new URL('../../data/opml19.json', import.meta.url), 'utf8')),
  ),
);
const requests = (output: string[]) => output.filter((l) => l.startsWith('request: GET /api/'));

test('a room screen never requests the full snapshot: first paint, changes, a move in, a revert', async ({
  page,
  host,
}) => {
  await page.goto(host.room(W));
  await settled(page);
  const screen = page.getByTestId('room-screen');
  await expect(screen).toHaveAttribute('data-next', 't1-production');

  const delay = await host.post({ kind: 'delay', session: 't1-production', minutes: 15 });
  await expect(page.locator('main')).toContainText('10:45 AM', { timeout: 5_000 });
  // A session moving in: the room payload holds it only slimmed, so it is fetched again.
  await host.post({ kind: 'move', session: 't2-pm1', room: W, force: true });
  await host.revert(delay.id);
  await expect(page.locator('main')).not.toContainText('10:45 AM', { timeout: 5_000 });
  await host.post({ kind: 'alert', text: 'Payload only' });
  await expect(page.getByText('Payload only')).toBeVisible();

  const seen = requests(host.output);
  expect(
    seen.filter((l) => l.includes(ROUTES.snapshot)),
    'full snapshot requests',
  ).toEqual([]);
  const payloads = seen.filter((l) => /^request: GET \/api\/day 200$/.test(l));
  // first paint, the move in, the revert (the delay and the alert were applied in the page)
  expect(payloads.length, seen.join('\n')).toBe(3);
});

test('with the host stopped after first paint, the screen shows the right now/next every hour to the end of the day, from its cache', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: Date.now() });
  await page.goto(`${host.room(W)}?slide=now`);
  await settled(page);
  const screen = page.getByTestId('room-screen');
  await expect(screen).toHaveAttribute('data-next', 't1-production');

  // Started again from the cache alone (the API refused), then the host goes away for good.
  await page.route('**/api/**', (r) => r.abort('connectionrefused'));
  await page.reload();
  await settled(page);
  await host.stop();
  await expect(page.getByTestId('offline')).toHaveCount(1, { timeout: 10_000 });

  const seen = new Set<string>();
  let last = '';
  for (let h = 0; h <= 12; h++) {
    if (h > 0) await page.clock.fastForward('01:00:00');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    const shown = (await page.getByTestId('clock').textContent())!.trim();
    const at = parseInstant(`2019-05-20T${hm(shown)}:00`, program.conference.timeZone);
    const nn = nowNext(program, W, at);
    await test.step(`${shown}: current ${nn.current?.id ?? '-'}, next ${nn.next?.id ?? '-'}`, async () => {
      await expect(screen).toHaveAttribute('data-current', nn.current?.id ?? '');
      await expect(screen).toHaveAttribute('data-next', nn.next?.id ?? '');
      await expect(screen).toHaveAttribute('data-state', nn.state);
    });
    seen.add(nn.state);
    last = shown;
  }
  expect(last, 'the walk ends after the day’s last session (posters until 7 PM)').toMatch(/^7:3\d PM$/);
  // the walk went through the day: before, in session, between, done
  expect(seen.size).toBeGreaterThanOrEqual(3);
  const cached = await page.evaluate(() =>
    JSON.parse(localStorage.getItem('hallway:room:winchester') ?? 'null'),
  );
  expect(cached?.snapshot.partial.until).toBe('2019-05-21T12:00:00-07:00');
});

test('a screen with no room yet fetches only the frame, then its room payload once assigned: never the full snapshot', async ({
  page,
  host,
}) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/') && r.method() === 'GET') asked.push(url.pathname + url.search);
  });
  await page.goto(`${host.url}${SCREEN_PAGE}?screen=foyer-tv-9`);
  await expect(page.getByTestId('not-assigned')).toContainText('foyer-tv-9');
  // The frame: the header's conference and clock, the alerts; no session of any room.
  await expect(page.locator('footer')).toContainText('OpML', { timeout: 10_000 });
  await expect(page.getByTestId('clock')).toHaveText('7:30 AM');
  await host.post({ kind: 'alert', text: 'Frame alert' });
  await expect(page.getByText('Frame alert')).toBeVisible({ timeout: 5_000 });
  expect(
    asked.filter((u) => u.startsWith(ROUTES.snapshot)),
    'full snapshot requests',
  ).toEqual([]);
  const frame = `${FRAME_PARAM.name}=${FRAME_PARAM.value}`;
  expect(asked.filter((u) => u.includes(frame)).length, asked.join('\n')).toBeGreaterThan(0);

  const res = await fetch(host.url + SCREEN_ROUTES.assign, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ screen: 'foyer-tv-9', assignment: { page: 'room', room: W } }),
  });
  expect(res.status, await res.text()).toBeLessThan(300);
  await expect(page.getByTestId('room-screen')).toHaveAttribute('data-next', 't1-production', {
    timeout: 10_000,
  });
  expect(asked.filter((u) => u.includes(`room=${W}`)).length, asked.join('\n')).toBeGreaterThan(0);
  expect(
    requests(host.output).filter((l) => l.includes(ROUTES.snapshot)),
    'full snapshot requests',
  ).toEqual([]);
});

/** "1:05 PM" → "13:05". */
function hm(clock: string): string {
  const m = /^(\d{1,2}):(\d{2}) (AM|PM)$/.exec(clock);
  if (!m) throw new Error(`clock shows "${clock}", not h:mm AM/PM`);
  const h = (Number(m[1]) % 12) + (m[3] === 'PM' ? 12 : 0);
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}
