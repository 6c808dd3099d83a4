import type { Locator, Page } from '@playwright/test';
import type { OverrideInput } from '../../core/protocol/index.js';
import { expect, startHost, test, type TestHost } from './support/host.js';
import { reloadLive, settled } from './support/screen.js';

// Each override kind, posted through the API as the admin would: the room and lobby pages show
// it within a second, and still after a reload. (The admin helper tests the same through its UI.)
const AT = '2019-05-20T10:45:00-07:00';
const S = 'stevens-creek';

let host: TestHost;
test.beforeAll(async () => {
  host = await startHost({ clock: AT, rate: 0 });
});
test.afterAll(async () => {
  await host?.close();
});

interface Case {
  name: string;
  override: OverrideInput;
  /** Room page (id and pinned slide) and what must show on it. */
  room: { id: string; slide: string; shows: (p: Page) => Locator; text: string | RegExp };
  lobby: { slide: string; shows: (p: Page) => Locator; text: string | RegExp };
}

const cell = (id: string) => (p: Page) => p.locator(`[data-testid=lobby-cell][data-session="${id}"]`);

const cases: Case[] = [
  {
    name: 'cancel a session',
    override: { kind: 'cancel', session: 't2-pm1', note: 'speaker ill' },
    // The cancelled session is no longer "next": the next slide says it is off.
    room: {
      id: S,
      slide: 'next',
      shows: (p) => p.getByTestId('changed'),
      text: '1:30 PM session cancelled (speaker ill)',
    },
    lobby: { slide: 'grid:0', shows: cell('t2-pm1'), text: 'Cancelled: speaker ill' },
  },
  {
    name: 'cancel a talk',
    override: { kind: 'cancel', talk: 't2-deep-learning-4' },
    room: {
      id: S,
      slide: 'now',
      shows: (p) => p.locator('[data-talk="t2-deep-learning-4"]'),
      text: 'Cancelled',
    },
    lobby: {
      slide: 'grid:0',
      shows: cell('t2-deep-learning'),
      text: 'Cancelled: Relevance Debugging and Explaining at LinkedIn',
    },
  },
  {
    name: 'delay a session',
    override: { kind: 'delay', session: 't2-deep-learning', minutes: 10 },
    room: {
      id: S,
      slide: 'now',
      shows: (p) => p.getByTestId('delay'),
      text: 'Running 10 min late — now 10:40 AM',
    },
    lobby: { slide: 'grid:0', shows: cell('t2-deep-learning'), text: 'Running 10 min late — now 10:40 AM' },
  },
  {
    name: 'move a session',
    override: { kind: 'move', session: 't2-pm1', room: 'santa-clara-ballroom' },
    room: {
      id: S,
      slide: 'next',
      shows: (p) => p.getByTestId('changed'),
      text: '1:30 PM session moved to the Santa Clara Ballroom',
    },
    lobby: { slide: 'grid:0', shows: cell('t2-pm1'), text: 'Moved to the Santa Clara Ballroom' },
  },
  {
    name: 'edit a title',
    override: { kind: 'edit', session: 't2-pm1', title: 'Scale, Renamed on the Day' },
    room: { id: S, slide: 'next', shows: (p) => p.getByTestId('session'), text: 'Scale, Renamed on the Day' },
    lobby: { slide: 'grid:0', shows: cell('t2-pm1'), text: 'Scale, Renamed on the Day' },
  },
  {
    name: 'say who is speaking now',
    override: { kind: 'now-speaking', session: 't2-deep-learning', talk: 't2-deep-learning-3' },
    room: {
      id: S,
      slide: 'now',
      shows: (p) => p.locator('li:has([data-testid=on-now])'),
      text: /Signal Fabric[\s\S]*Now$/,
    },
    lobby: { slide: 'grid:0', shows: cell('t2-deep-learning'), text: 'Now: Signal Fabric' },
  },
  {
    name: 'announce to every screen',
    override: { kind: 'announce', text: 'Coffee is served in the foyer until 11:15' },
    room: {
      id: S,
      slide: 'now',
      shows: (p) => p.getByTestId('announcement-band'),
      text: 'Coffee is served in the foyer until 11:15',
    },
    lobby: {
      slide: 'grid:0',
      shows: (p) => p.getByTestId('announcement-band'),
      text: 'Coffee is served in the foyer until 11:15',
    },
  },
  {
    name: 'raise an alert',
    override: { kind: 'alert', text: 'Please leave the building by the nearest exit' },
    room: { id: S, slide: 'now', shows: (p) => p.getByTestId('alert'), text: 'Please leave the building' },
    lobby: { slide: 'now:0', shows: (p) => p.getByTestId('alert'), text: 'Please leave the building' },
  },
];

for (const c of cases) {
  test(`${c.name}: room and lobby show it within 1 s, and after a reload`, async ({ context }) => {
    const room = await context.newPage();
    const lobby = await context.newPage();
    await room.goto(`${host.room(c.room.id)}?slide=${c.room.slide}`);
    await lobby.goto(`${host.lobby()}?slide=${c.lobby.slide}`);
    await Promise.all([settled(room), settled(lobby)]);
    await absent(c.room.shows(room), c.room.text);

    const { id } = await host.post(c.override);
    await expect(c.room.shows(room)).toContainText(c.room.text, { timeout: 1_000 });
    await expect(c.lobby.shows(lobby)).toContainText(c.lobby.text, { timeout: 1_000 });

    await reloadLive(room, lobby);
    await expect(c.room.shows(room)).toContainText(c.room.text);
    await expect(c.lobby.shows(lobby)).toContainText(c.lobby.text);

    // undone: the screens drop it as quickly
    await host.revert(id);
    await absent(c.room.shows(room), c.room.text, 1_000);
    await absent(c.lobby.shows(lobby), c.lobby.text, 1_000);
  });
}

/** No element of `loc` holds `text` (none at all is fine too). */
async function absent(loc: Locator, text: string | RegExp, timeout = 5_000): Promise<void> {
  const has = (t: string) => (typeof text === 'string' ? t.includes(text) : text.test(t));
  await expect
    .poll(async () => (await loc.allInnerTexts()).some(has), {
      timeout,
      message: `no ${String(text)} on screen`,
    })
    .toBe(false);
}
