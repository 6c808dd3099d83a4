import type { Browser, Page } from '@playwright/test';
import { ROUTES } from '../../core/protocol/index.js';
import {
  baseEvents,
  type ScheduleServer,
  scheduleServer,
  type TestEvent,
} from '../support/schedule-server.js';
import { expect, startHost, test, type TestHost } from './support/host.js';
import { settled } from './support/screen.js';

// `hallway serve --follow URL --every 2s` against a schedule server that changes between
// fetches: each good version shows on the room pages within the interval plus 1 s, never blank
// and never rolled back; each failure shows in the admin; a restart keeps the last good version.
const EVERY_MS = 2_000;
const WITHIN = EVERY_MS + 1_000;
const AT = '2019-12-27T10:10:00+01:00';

let server: ScheduleServer;
let host: TestHost;
test.beforeAll(async () => {
  server = await scheduleServer(baseEvents());
  host = await startHost({ clock: AT, rate: 0, args: ['--follow', server.url, '--every', '2s'] });
});
/**
 * Pages of `browser.newPage()`, each closed after its test: left open, a page keeps retrying its
 * stopped host's port, and joins whichever host of a later test gets that port.
 */
const opened: Page[] = [];
const newPage = async (browser: Browser): Promise<Page> => {
  const page = await browser.newPage();
  opened.push(page);
  return page;
};
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close()));
});
test.afterAll(async () => {
  await host?.close();
  await server?.close();
});

async function api(method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(host.url + path, {
    method,
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${await res.text()}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads the JSON as sent
  return (await res.json()) as any;
}

async function roomIds(): Promise<Record<string, string>> {
  const snap = await api('GET', ROUTES.snapshot);
  return Object.fromEntries(snap.rooms.map((r: { id: string; name: string }) => [r.name, r.id]));
}

/** Records every text the room screen shows, to prove it never went blank or back. */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    const screen = document.querySelector('[data-testid=room-screen]');
    const note = () => seen.push(screen?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    note();
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}
const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);

/** The server's schedule, edited one step at a time. */
let events: TestEvent[] = baseEvents();
const edit = (change: (e: TestEvent[]) => TestEvent[]) => {
  events = change(structuredClone(events));
  server.set(events);
};
const byId = (list: TestEvent[], id: string) => list.find((e) => e.id === id)!;

test('each good version reaches the room pages within the interval + 1 s; failures show in the admin; a restart keeps it', async ({
  browser,
}) => {
  // The first version is in (later fetches may already have answered "not modified").
  const hasVersion = async () =>
    (await api('GET', ROUTES.snapshot)).overrides.some((e: { type: string }) => e.type === 'program');
  await expect.poll(hasVersion, { timeout: 15_000 }).toBe(true);
  const rooms = await roomIds();
  const pages: Record<string, Page> = {};
  for (const name of ['Saal 1', 'Saal 2', 'Saal 3']) {
    const page = await newPage(browser);
    await page.goto(`${host.room(rooms[name]!)}?slide=now`);
    await settled(page);
    await watch(page);
    pages[name] = page;
  }
  const saal = (n: 1 | 2 | 3) => pages[`Saal ${n}`]!.getByTestId('room-screen');
  await expect(saal(1)).toContainText('Talk number 1');
  await expect(saal(2)).toContainText('Talk number 2');

  // A retitle, a move, a new session, a removed one: each on the screens within the interval + 1 s.
  edit((e) => ((byId(e, '1000').title = 'Opening, retitled'), e));
  await expect(saal(1)).toContainText('Opening, retitled', { timeout: WITHIN });
  edit((e) => ((byId(e, '1001').room = 'Saal 3'), e));
  await expect(saal(3)).toContainText('Talk number 2', { timeout: WITHIN });
  await expect(saal(2)).not.toContainText('Talk number 2');
  edit((e) => [
    ...e,
    { id: '1010', title: 'A late addition', room: 'Saal 2', start: '10:05', duration: '00:30' },
  ]);
  await expect(saal(2)).toContainText('A late addition', { timeout: WITHIN });
  edit((e) => e.filter((x) => x.id !== '1000'));
  await expect(saal(1)).not.toContainText('Opening, retitled', { timeout: WITHIN });
  const revision = (await api('GET', ROUTES.snapshot)).revision;

  // The admin: the Program panel, then every kind of failure, each shown with its reason.
  const admin = await newPage(browser);
  await admin.goto(host.admin());
  const panel = admin.getByTestId('program-panel');
  await panel.locator('summary').click();
  await expect(admin.getByTestId('program-last-result')).toContainText(/not modified|published/, {
    timeout: WITHIN,
  });
  const failures: [Parameters<ScheduleServer['breakNext']>[0], RegExp][] = [
    ['status-500', /the source answered HTTP 500/],
    ['timeout', /no answer within 2 s/],
    ['truncated', /the answer was cut off/],
    ['html', /not a usable schedule: .*HTML page/],
  ];
  // Shown while it fails ("FAILED: …, failing since"), and as the last failure once it recovers.
  const failure = admin.locator(
    '[data-testid=program-last-result].error, [data-testid=program-last-failure]',
  );
  for (const [how, shown] of failures) {
    server.breakNext(how);
    await expect(failure, how).toHaveText(shown, { timeout: 3 * EVERY_MS + 2_000 });
  }
  await expect(admin.getByTestId('program-last-result')).toHaveText(/not modified/, {
    timeout: 3 * EVERY_MS,
  });
  await admin.screenshot({ path: 'test-results/follow-admin-1920x1080.png' });
  await admin.setViewportSize({ width: 1080, height: 1920 });
  await admin.screenshot({ path: 'test-results/follow-admin-1080x1920.png' });
  expect((await api('GET', ROUTES.snapshot)).revision).toBe(revision);

  // The venue zone for times that name none: a zone that is none is refused, a real one kept.
  const zone = admin.getByTestId('program-zone');
  await zone.fill('Mars/Olympus');
  await admin.getByRole('button', { name: 'Set zone' }).click();
  await expect(admin.getByTestId('program-message')).toContainText('"Mars/Olympus" is not an IANA time zone');
  await zone.fill('Europe/Berlin');
  await admin.getByRole('button', { name: 'Set zone' }).click();
  await expect(admin.getByTestId('program-message')).toHaveText(
    'Times without a zone are read in Europe/Berlin.',
  );
  expect((await api('GET', ROUTES.program)).follow.zone).toBe('Europe/Berlin');
  await admin.setViewportSize({ width: 1920, height: 1080 });
  await admin.screenshot({ path: 'test-results/follow-admin-zone-1920x1080.png' });

  // Overrides, then a version that removes one session and moves another.
  const snap = await api('GET', ROUTES.snapshot);
  const id = (title: string) => snap.program.sessions.find((s: { title: string }) => s.title === title).id;
  await host.post({ kind: 'cancel', session: id('A late addition') });
  await host.post({ kind: 'delay', session: id('Talk number 2'), minutes: 10 });
  edit((e) => ((byId(e, '1001').room = 'Saal 1'), e.filter((x) => x.id !== '1010')));
  const review = admin.getByTestId('program-review');
  await expect(review).toContainText(
    /cancel: NO LONGER APPLIES — no longer applies: session “A late addition”/,
    {
      timeout: WITHIN + 2_000,
    },
  );
  await expect(review).toContainText(/delay: FLAGGED FOR REVIEW — .*moved it from Saal 3 to Saal 1/);
  await expect(saal(1)).toContainText('Talk number 2', { timeout: WITHIN });
  await admin.setViewportSize({ width: 1920, height: 1080 });
  await admin.screenshot({ path: 'test-results/follow-admin-review-1920x1080.png' });
  const last = (await api('GET', ROUTES.snapshot)).revision;

  // A restart keeps the last good version and the journal; the open pages carry on.
  server.breakNext('status-500', 'status-500', 'status-500');
  await host.restart();
  const after = await api('GET', ROUTES.snapshot);
  expect(after.revision).toBe(last);
  expect(after.overrides.filter((e: { type: string }) => e.type === 'program').length).toBeGreaterThanOrEqual(
    5,
  );
  await expect(saal(1)).toContainText('Talk number 2', { timeout: 10_000 });

  // Never blank, never rolled back: once a version's text showed, no older one came back.
  for (const [name, page] of Object.entries(pages)) {
    const texts = await seen(page);
    expect(
      texts.filter((t) => t === ''),
      `${name} went blank`,
    ).toEqual([]);
  }
  const one = await seen(pages['Saal 1']!);
  const retitledAt = one.findIndex((t) => t.includes('Opening, retitled'));
  expect(retitledAt).toBeGreaterThanOrEqual(0);
  expect(
    one.slice(retitledAt).some((t) => t.includes('Talk number 1')),
    'Saal 1 rolled back',
  ).toBe(false);
  const three = await seen(pages['Saal 3']!);
  const movedAt = three.findIndex((t) => t.includes('Talk number 2'));
  const movedAway = three.findIndex((t, i) => i > movedAt && !t.includes('Talk number 2'));
  // Talk 2 left Saal 3 only with the last version (moved to Saal 1), never back and forth before.
  expect(
    three.slice(movedAway).some((t) => t.includes('Talk number 2')),
    'Saal 3 rolled back',
  ).toBe(false);
});

test('hold mode: the admin shows the held version and its diff; Approve publishes it to the screens', async ({
  browser,
}) => {
  const held = await scheduleServer(baseEvents());
  const h = await startHost({ clock: AT, rate: 0, args: ['--follow', held.url, '--every', '1s'] });
  try {
    const admin = await newPage(browser);
    await admin.goto(h.admin());
    await admin.getByTestId('program-panel').locator('summary').click();
    await expect(admin.getByTestId('program-last-result')).toHaveText(/published|not modified/, {
      timeout: 10_000,
    });
    await admin.getByLabel('New versions').selectOption('hold');
    await expect(admin.getByTestId('program-message')).toContainText('wait for approval');

    const room = await newPage(browser);
    const snap = await (await fetch(`${h.url}${ROUTES.snapshot}`)).json();
    const saal1 = snap.rooms.find((r: { name: string }) => r.name === 'Saal 1').id as string;
    await room.goto(`${h.room(saal1)}?slide=now`);
    await settled(room);
    await expect(room.getByTestId('room-screen')).toContainText('Talk number 1');

    const next = baseEvents();
    next[0]!.title = 'Held back until approved';
    held.set(next);
    const pending = admin.getByTestId('program-pending');
    await expect(pending).toContainText('Waiting for approval: 1 session retitled', { timeout: 5_000 });
    await expect(pending).toContainText('retitled “Talk number 1” → “Held back until approved”');
    await admin.screenshot({ path: 'test-results/follow-admin-pending-1920x1080.png' });
    // Held: the screens still show the version in force.
    await room.waitForTimeout(1_500);
    await expect(room.getByTestId('room-screen')).toContainText('Talk number 1');

    await pending.getByRole('button', { name: /Approve/ }).click();
    await expect(room.getByTestId('room-screen')).toContainText('Held back until approved', {
      timeout: 3_000,
    });
    await expect(admin.getByTestId('program-pending')).toHaveCount(0);
  } finally {
    await h.close();
    await held.close();
  }
});
