import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Snapshot } from '../../core/protocol/index.js';
import { ROUTES } from '../../core/protocol/index.js';
import { expect, test, type TestHost } from './support/host.js';

/**
 * The admin on the day (issue 11), driven through its UI as staff would: the Winchester/Lawrence
 * 13:30 swap and the cancel of the Winchester tutorial, then the room screens; on 35C3, a session
 * of day 3 in Borg found by typing and its delay previewed; "live now" ending an alert on every
 * screen within 1 s; the screen's "offline since"; screenshots of the admin at both sizes.
 */
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');
const C3 = resolve(import.meta.dirname, '../../../shared/fixtures/schedules/35c3-everything.schedule.xml');
const W = 'winchester';
const L = 'lawrence-san-tomas-lafayette';
const WITHIN = { timeout: 1_000 };

async function screen(browser: Browser, url: string, size = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport: size })).newPage();
  await page.goto(url);
  return page;
}

/** Runs `act` and waits for the host's answer to the override post (or revert) it makes. */
async function answer(page: Page, act: () => Promise<void>, path = /\/api\/overrides$/): Promise<number> {
  const res = page.waitForResponse(
    (r) => path.test(new URL(r.url()).pathname) && r.request().method() === 'POST',
  );
  await act();
  return (await res).status();
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}-${test.info().project.name}.png` });
}

async function openAdmin(admin: Page, host: TestHost): Promise<void> {
  await admin.goto(host.admin());
  await expect(admin.getByTestId('connection')).toHaveText(/Connected/);
  await expect(admin.locator('.sessions [data-session]').first()).toBeVisible();
}

/** Picks a session in the list, the kind by Alt+N, and the room to move it to; submits. */
async function move(admin: Page, session: string, room: string): Promise<number> {
  await admin.locator(`.sessions [data-session="${session}"]`).click();
  await admin.keyboard.press('Alt+3');
  await admin.getByLabel('Move to room').selectOption(room);
  return answer(admin, () => admin.getByTestId('submit').click());
}

test.describe('OpML ’19 at 13:45', () => {
  test.use({ hostOptions: { clock: '2019-05-20T13:45:00-07:00', rate: 0 } });

  test('the 13:30 swap through the admin, then the room screens and an undo that names the clash', async ({
    page: admin,
    browser,
    host,
  }) => {
    await openAdmin(admin, host);
    // Winchester's tutorial to Lawrence: Lawrence holds Presentations Track 1 then, so 409 and force.
    expect(await move(admin, 'tut-pm1', L)).toBe(409);
    await expect(admin.getByTestId('clash')).toContainText('Presentations Track 1');
    expect(await answer(admin, () => admin.getByRole('button', { name: /Move anyway/ }).click())).toBe(201);
    await expect(admin.getByTestId('form-done')).toContainText(/The host took #1/);
    // The form started over: Enter again sends nothing twice.
    await expect(admin.locator('#f-session')).toHaveValue('');
    const second = await move(admin, 't1-pm1', W);
    expect([201, 409]).toContain(second);
    if (second === 409) await admin.getByRole('button', { name: /Move anyway/ }).click();
    await expect(admin.getByTestId('live-row')).toHaveCount(2);

    const win = await screen(browser, `${host.room(W)}?slide=now`);
    const law = await screen(browser, `${host.room(L)}?slide=now`);
    await expect(win.getByTestId('room-screen')).toHaveAttribute('data-current', 't1-pm1');
    await expect(law.getByTestId('room-screen')).toHaveAttribute('data-current', 'tut-pm1');
    await expect(win.getByTestId('session')).toContainText('Presentations Track 1');
    // Next is what really happens here (issue 11, bug 1): the 14:30 tutorial, not the one that left.
    await expect(win.getByTestId('room-screen')).toHaveAttribute('data-next', 'tut-pm2');
    await expect(win.getByTestId('changed')).toContainText('1:30 PM tutorial moved to the Lawrence');
    await shoot(win, 'swap-winchester');
    await shoot(law, 'swap-lawrence');

    // Undo the first move: it says what it restores and asks first.
    const first = admin.locator('[data-testid=log-entry][data-revision="1"]');
    await first.getByRole('button', { name: /^Undo/ }).click();
    await expect(admin.getByTestId('undo-confirm')).toContainText(
      'Tutorials Track” goes back to Winchester Room',
    );
    const status = await answer(
      admin,
      () => admin.getByRole('button', { name: 'Yes, undo' }).click(),
      /revert$/,
    );
    // A revert is checked like the change it restores (issue 11, bug 5): t1-pm1 holds Winchester now.
    expect(status).toBe(409);
    await expect(admin.getByTestId('undo-clash')).toContainText('Presentations Track 1');
    const forced = await answer(
      admin,
      () => admin.getByRole('button', { name: /Undo anyway/ }).click(),
      /revert$/,
    );
    expect(forced).toBe(201);
    await expect(first).toContainText('undone by');
    await expect(admin.getByTestId('log-message')).toContainText(/connected screens show it yet/);
  });

  test('the cancel of the Winchester 13:30 tutorial through the admin, then its screen', async ({
    page: admin,
    browser,
    host,
  }) => {
    await openAdmin(admin, host);
    await admin.keyboard.press('/');
    await admin.keyboard.type('winchester tutorials');
    await admin.keyboard.press('Enter');
    await expect(admin.locator('#f-session')).toHaveValue('tut-pm1');
    await admin.keyboard.press('Alt+1');
    await admin.getByLabel(/Note shown/).fill('speaker stuck in traffic');
    expect(await answer(admin, () => admin.keyboard.press('Enter'))).toBe(201);
    await expect(admin.getByTestId('live-row').filter({ hasText: 'Cancel' })).toBeVisible();

    const win = await screen(browser, `${host.room(W)}?slide=now`);
    // The screen says what attendees should do instead (issue 11, bug 3).
    await expect(win.getByTestId('status')).toContainText('Cancelled: Deep Learning Lifecycle', WITHIN);
    await expect(win.getByTestId('status')).toContainText(
      'speaker stuck in traffic — next here: ModelOps on AWS at 2:30 PM',
    );
    await expect(win.getByTestId('room-screen')).toHaveAttribute('data-next', 'tut-pm2');
    await shoot(win, 'cancel-winchester');
    await expect(admin.locator('.sessions [data-session="tut-pm1"]')).toContainText('cancelled');
  });

  test('one tap “next talk” moves the block’s pointer, and back', async ({ page: admin, host }) => {
    await host.setClock({ action: 'set', at: '2019-05-20T10:45:00-07:00', rate: 0 });
    await openAdmin(admin, host);
    const block = admin.locator('[data-testid=stage-row][data-block="t2-deep-learning"]');
    await expect(block.getByTestId('stage-current')).toContainText('1/6');
    await block.getByRole('button', { name: /^Next talk/ }).click();
    await expect(block.getByTestId('stage-current')).toHaveText(/^2\/6 · /);
    await block.getByRole('button', { name: /^Next talk/ }).click();
    await expect(block.getByTestId('stage-current')).toHaveText(/^3\/6 · /);
    expect(await answer(admin, () => block.getByRole('button', { name: /^Back/ }).click(), /revert$/)).toBe(
      201,
    );
    await expect(block.getByTestId('stage-current')).toHaveText(/^2\/6 · /);
  });

  test('“live now” ends an alert in one click; a room screen and the lobby drop it within 1 s', async ({
    page: admin,
    browser,
    host,
  }) => {
    await host.post({ kind: 'announce', text: 'Coffee in the foyer' });
    await host.post({ kind: 'alert', text: 'Evacuate by the north stairs' });
    const room = await screen(browser, host.room(W));
    const lobby = await screen(browser, host.lobby());
    for (const p of [room, lobby]) await expect(p.getByTestId('alert')).toContainText('north stairs');
    await openAdmin(admin, host);
    const alert = admin.locator('[data-testid=live-row][data-kind=alert]');
    await expect(admin.getByTestId('live-row').first()).toHaveAttribute('data-kind', 'alert');
    expect(await answer(admin, () => alert.getByRole('button', { name: /^End/ }).click(), /revert$/)).toBe(
      201,
    );
    for (const p of [room, lobby]) await expect(p.getByTestId('alert')).toHaveCount(0, WITHIN);
    await expect(alert).toHaveCount(0);
    await expect(admin.getByTestId('live-row')).toHaveCount(1);
  });

  test('announcements: the form offers the end of the day, the admin shows it, the band rotates them', async ({
    page: admin,
    browser,
    host,
  }) => {
    await openAdmin(admin, host);
    await admin.keyboard.press('Alt+6');
    await expect(admin.locator('#f-until')).toHaveValue('2019-05-20T19:00');
    await admin.getByLabel('Announcement').fill('Coffee in the foyer');
    expect(await answer(admin, () => admin.getByTestId('submit').click())).toBe(201);
    await expect(admin.locator('#f-until')).toHaveValue('2019-05-20T19:00');
    await admin.getByLabel('Announcement').fill('Posters go up at 17:30');
    expect(await answer(admin, () => admin.getByTestId('submit').click())).toBe(201);
    await expect(admin.locator('[data-testid=live-row][data-kind=announce]').first()).toContainText(
      'until 7:00 PM',
    );

    const lobby = await screen(browser, host.lobby());
    const band = lobby.getByTestId('announcement-band');
    await expect(lobby.getByTestId('announcement-count')).toHaveText('1/2');
    const shown = await band.getAttribute('data-id');
    await expect(band).not.toHaveAttribute('data-id', shown ?? '', { timeout: 10_000 });
    await expect(lobby.getByTestId('announcement-count')).toHaveText('2/2');
  });

  test('a screen that lost the host says, small, since when', async ({ browser, host }) => {
    const room = await screen(browser, host.room(W));
    await expect(room.getByTestId('room-screen')).toHaveAttribute('data-current', 'tut-pm1');
    await host.stop();
    await expect(room.getByTestId('offline-since')).toHaveText('offline since 13:45', { timeout: 10_000 });
  });
});

test.describe('35C3', () => {
  test.use({ hostOptions: { clock: '2018-12-29T14:10:00+01:00', rate: 0, program: C3 } });

  test('finds a session of day 3 in Borg by typing; the delay form shows the times before submit', async ({
    page: admin,
    host,
  }) => {
    const snap = (await (await fetch(host.url + ROUTES.snapshot)).json()) as Snapshot;
    await openAdmin(admin, host);
    await admin.getByLabel('Day', { exact: true }).selectOption('2018-12-27');
    await admin.keyboard.press('/');
    await admin.keyboard.type('borg sat');
    await admin.keyboard.press('Enter');
    const id = await admin.locator('#f-session').inputValue();
    const s = snap.program.sessions.find((x) => x.id === id)!;
    expect(s.room).toBe('borg');
    expect(s.start.slice(0, 10)).toBe('2018-12-29');
    await expect(admin.locator('#f-session option:checked')).toHaveText(/^Sat \d+:\d\d [AP]M · Borg · /);

    await admin.keyboard.press('Alt+2');
    await expect(admin.getByTestId('delay-now')).toHaveText('Now: on time');
    await admin.getByLabel(/Minutes late in total/).fill('15');
    const hm = (iso: string, plus = 0) =>
      new Date(Date.parse(iso) + plus * 60_000).toLocaleTimeString('en-US', {
        timeZone: 'Europe/Berlin',
        hour: 'numeric',
        minute: '2-digit',
      });
    const preview = admin.getByTestId('delay-preview');
    await expect(preview).toContainText(`${hm(s.start)}–${hm(s.end)} → ${hm(s.start, 15)}–${hm(s.end, 15)}`);
    await admin.getByLabel(/Shift the later sessions/).check();
    const later = snap.program.sessions.filter(
      (x) => x.room === 'borg' && x.start > s.start && x.start.slice(0, 10) === '2018-12-29',
    );
    await expect(preview.locator('li')).toHaveCount(1 + later.length);
    await shoot(admin, 'admin-35c3-delay-1920x1080');
    expect(await answer(admin, () => admin.getByTestId('submit').click())).toBe(201);
    await expect(admin.getByTestId('live-row').filter({ hasText: 'Delay' })).toContainText('+15 min');
  });
});

test.describe('screenshots', () => {
  for (const [program, clock] of [
    ['opml19', '2019-05-20T10:45:00-07:00'],
    ['35c3', '2018-12-29T14:10:00+01:00'],
  ] as const) {
    test.describe(program, () => {
      test.use({ hostOptions: { clock, rate: 0, ...(program === '35c3' ? { program: C3 } : {}) } });
      test(`the admin of ${program} at 1920×1080 and 1080×1920`, async ({ page, browser, host }) => {
        const target = program === '35c3' ? 'borg' : 't1-production';
        const snap = (await (await fetch(host.url + ROUTES.snapshot)).json()) as Snapshot;
        const session =
          program === '35c3'
            ? snap.program.sessions.find((s) => s.room === 'borg' && s.start.startsWith('2018-12-29T16'))!.id
            : target;
        await host.post({ kind: 'delay', session, minutes: 10, cascade: true });
        await host.post({ kind: 'announce', text: 'Lunch is served in the foyer' });
        await host.post({ kind: 'alert', text: 'Test alert' }).then((r) => host.revert(r.revision));
        const other = await screen(browser, host.room(snap.program.rooms[1]!.id));
        for (const [w, h] of [
          [1920, 1080],
          [1080, 1920],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await page.goto(host.admin());
          await page.locator(`.sessions [data-session="${session}"]`).click();
          await page.keyboard.press('Alt+2');
          await page.getByLabel(/Minutes late in total/).fill('25');
          await expect(page.getByTestId('delay-preview')).toBeVisible();
          await expect(page.getByTestId('screen-row').first()).toBeVisible({ timeout: 10_000 });
          await page.waitForTimeout(800); // the preview frame paints
          await shoot(page, `admin-${program}-${w}x${h}`);
        }
        await other.context().close();
      });
    });
  }
});
