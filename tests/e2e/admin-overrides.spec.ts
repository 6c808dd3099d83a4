import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect, startHost, test, type TestHost } from './support/host.js';
import { reloadLive } from './support/screen.js';

/**
 * Every override kind, done through the admin UI (by keyboard where staff would): a room screen
 * and the lobby board, each in its own browser context, show it within 1 s of the admin's request
 * completing, and still after a reload; undo from the log takes it off both within 1 s.
 * One host for the file, held at 10:45 in the Stevens Creek Room's morning block; each test undoes
 * its change so the next starts from the printed program.
 */
const SESSION = 't2-deep-learning';
const ROOM = 'stevens-creek';
const WITHIN = { timeout: 1_000 };

let host: TestHost;
let admin: Page;
let room: Page;
let lobby: Page;
const contexts: BrowserContext[] = [];

async function open(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto(url);
  return page;
}

test.beforeAll(async ({ browser }) => {
  host = await startHost({ clock: '2019-05-20T10:45:00-07:00', rate: 0 });
  // Pinned slides: the room's "now" (its session card) and the lobby's first grid page.
  room = await open(browser, `${host.room(ROOM)}?slide=now`);
  lobby = await open(browser, `${host.lobby()}?slide=grid:0`);
  admin = await open(browser, host.admin());
  await expect(room.getByTestId('session')).toBeVisible();
  await expect(lobby.locator(`[data-testid=lobby-cell][data-session=${SESSION}]`)).toBeVisible();
  await expect(admin.getByTestId('connection')).toHaveText(/Connected/);
});

test.afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close();
  await host?.close();
});

const lobbyCell = () => lobby.locator(`[data-testid=lobby-cell][data-session=${SESSION}]`);

/** Picks the block by searching its room (keyboard), then the override kind by Alt+N. */
async function pickByKeyboard(kindKey: string): Promise<void> {
  await admin.keyboard.press('/');
  await admin.keyboard.type('Stevens Creek Production');
  await admin.keyboard.press('Enter');
  await expect(admin.locator('#f-session')).toHaveValue(SESSION);
  await admin.keyboard.press(`Alt+${kindKey}`);
}

/** Runs `act` (which submits) and waits for the host's 2xx answer. */
async function accepted(act: () => Promise<void>): Promise<void> {
  const answer = admin.waitForResponse(
    (r) => r.url().endsWith('/api/overrides') && r.request().method() === 'POST',
  );
  await act();
  expect((await answer).status()).toBe(201);
}

type Check = [where: () => Locator, what: string | RegExp];

/** Shows on both screens within 1 s, again after a reload; undo removes it within 1 s. */
async function showsThenUndo(onRoom: Check, onLobby: Check) {
  for (const [where, what] of [onRoom, onLobby]) await expect(where()).toContainText(what, WITHIN);
  await reloadLive(room, lobby);
  for (const [where, what] of [onRoom, onLobby]) await expect(where()).toContainText(what);

  const latest = admin.getByTestId('log-entry').first();
  const revision = await latest.getAttribute('data-revision');
  const undone = admin.waitForResponse((r) => /\/api\/overrides\/\d+\/revert$/.test(r.url()));
  await latest.getByRole('button', { name: /^Undo/ }).click();
  // The undo says what it restores and asks first.
  await expect(admin.getByTestId('undo-confirm')).toBeVisible();
  await admin.getByRole('button', { name: 'Yes, undo' }).click();
  expect((await undone).status()).toBe(201);
  for (const [where, what] of [onRoom, onLobby]) await expect(where()).not.toContainText(what, WITHIN);
  await expect(admin.locator(`[data-testid=log-entry][data-revision="${revision}"]`)).toContainText(
    'undone by',
  );
}

test('cancel a session with a note', async () => {
  await pickByKeyboard('1');
  await admin.getByLabel(/Note shown on the screens/).fill('Speaker stuck in traffic');
  await accepted(() => admin.keyboard.press('Enter'));
  await showsThenUndo(
    [() => room.getByTestId('room-screen'), /Cancelled.*Speaker stuck in traffic/],
    [() => lobbyCell(), /Cancelled.*Speaker stuck in traffic/],
  );
});

test('cancel one talk of the block', async () => {
  await admin.locator(`button[data-talk=${SESSION}-2]`).click();
  await admin.keyboard.press('Alt+1');
  await admin.getByLabel(/Note shown on the screens/).fill('moved online');
  await accepted(() => admin.keyboard.press('Enter'));
  await expect(room.locator(`li[data-talk=${SESSION}-2]`)).toContainText('moved online', WITHIN);
  await showsThenUndo(
    [() => room.locator(`li[data-talk=${SESSION}-2]`), /Cancelled/],
    [() => lobbyCell(), /Cancelled/],
  );
});

test('delay a session by 10 minutes', async () => {
  await pickByKeyboard('2');
  await admin.getByLabel(/Minutes late/).fill('10');
  await accepted(() => admin.keyboard.press('Enter'));
  await showsThenUndo(
    [() => room.getByTestId('room-screen'), 'Running 10 min late'],
    [() => lobbyCell(), 'Running 10 min late'],
  );
});

test('move a session to a free room', async () => {
  await pickByKeyboard('3');
  await admin.getByLabel('Move to room').selectOption('santa-clara-ballroom');
  await accepted(() => admin.getByTestId('submit').press('Enter'));
  await showsThenUndo(
    [() => room.getByTestId('room-screen'), 'Moved to the Santa Clara Ballroom'],
    [() => lobby.getByTestId('lobby-screen'), 'Moved to the Santa Clara Ballroom'],
  );
});

test('edit a session’s title', async () => {
  await pickByKeyboard('4');
  await admin.getByLabel('Title', { exact: true }).fill('Production ML, Revised Line-up');
  await accepted(() => admin.keyboard.press('Enter'));
  await showsThenUndo(
    [() => room.getByTestId('room-screen'), 'Production ML, Revised Line-up'],
    [() => lobbyCell(), 'Production ML, Revised Line-up'],
  );
});

test('now speaking: the third talk of the block', async () => {
  await pickByKeyboard('5');
  await admin.getByLabel('Talk', { exact: true }).selectOption(`${SESSION}-3`);
  await accepted(() => admin.getByTestId('submit').press('Enter'));
  await showsThenUndo(
    [() => room.locator(`li[data-talk=${SESSION}-3]`), /\bNow\b/],
    [() => lobbyCell(), 'Now: Signal Fabric'],
  );
});

test('announce to every screen', async () => {
  await admin.keyboard.press('Alt+6');
  await admin.getByLabel('Announcement').fill('Coffee is served outside the Winchester Room');
  await accepted(() => admin.getByTestId('submit').click());
  await showsThenUndo(
    [() => room.getByTestId('room-screen'), 'Coffee is served outside the Winchester Room'],
    [() => lobby.getByTestId('lobby-screen'), 'Coffee is served outside the Winchester Room'],
  );
});

test('alert every screen, after the confirm step', async () => {
  await admin.keyboard.press('Alt+7');
  await admin.getByLabel(/Emergency alert/).fill('Please leave the building by the nearest exit');
  await admin.getByTestId('submit').click();
  const confirm = admin.getByTestId('alert-confirm');
  await expect(confirm).toBeFocused();
  await accepted(() => admin.keyboard.press('Enter'));
  await showsThenUndo(
    [() => room.locator('body'), 'Please leave the building by the nearest exit'],
    [() => lobby.locator('body'), 'Please leave the building by the nearest exit'],
  );
  await expect(room.getByTestId('alert')).toHaveCount(0);
});
