import { expect, startHost, test, type TestHost } from './support/host.js';
import { settled } from './support/screen.js';

// Every OpML '19 room at instants across the day: what is on, what is next, what the screen says.
// Expectations are written out from the program, not recomputed with core.
const SC = 'santa-clara-ballroom';
const W = 'winchester';
const S = 'stevens-creek';
const L = 'lawrence-san-tomas-lafayette';
const M = 'magnolia';

type Case = { at: string; room: string; current: string; next: string; says: string };
const day = (hm: string) => `2019-05-20T${hm}:00-07:00`;
const cases: Case[] = [
  ...[SC, W, S, L, M].map((room, i) => ({
    at: day('07:30'),
    room,
    current: '',
    next: ['keynote', 't1-production', 't2-deep-learning', 'tut-am', 'lunch'][i]!,
    says: "OpML '19 starts Monday, May 20 at 8:00 AM",
  })),
  { at: day('08:30'), room: W, current: '', next: 't1-production', says: 'Breakfast until 9:00 AM' },
  { at: day('09:10'), room: S, current: '', next: 't2-deep-learning', says: 'Opening Remarks until 9:15 AM' },
  { at: day('09:30'), room: SC, current: 'keynote', next: '', says: 'Keynote Address' },
  { at: day('09:30'), room: L, current: '', next: 'tut-am', says: 'Keynote now in the Santa Clara Ballroom' },
  { at: day('10:15'), room: W, current: '', next: 't1-production', says: 'Break until 10:30 AM' },
  {
    at: day('10:15'),
    room: W,
    current: '',
    next: 't1-production',
    says: 'Next here: Production Experiences and Learnings',
  },
  {
    at: day('11:00'),
    room: W,
    current: 't1-production',
    next: 'tut-pm1',
    says: 'Production Experiences and Learnings',
  },
  {
    at: day('11:00'),
    room: S,
    current: 't2-deep-learning',
    next: 't2-pm1',
    says: 'Chair: Boris Tvaroska, Lenovo',
  },
  { at: day('11:00'), room: L, current: 'tut-am', next: 't1-pm1', says: 'Tutorials Track' },
  { at: day('11:00'), room: SC, current: '', next: '', says: 'Done for today in this room' },
  { at: day('11:00'), room: M, current: '', next: 'lunch', says: 'Nothing here until 12:30 PM' },
  { at: day('12:45'), room: M, current: 'lunch', next: '', says: 'Conference Luncheon' },
  {
    at: day('12:45'),
    room: S,
    current: '',
    next: 't2-pm1',
    says: 'Lunch in the Magnolia Room until 1:30 PM',
  },
  {
    at: day('14:00'),
    room: S,
    current: 't2-pm1',
    next: 't2-pm2',
    says: 'Handling Heterogeneity, Distribution, and Scale',
  },
  { at: day('14:00'), room: L, current: 't1-pm1', next: 't1-pm2', says: 'How the Experts Do It' },
  { at: day('14:00'), room: W, current: 'tut-pm1', next: 'tut-pm2', says: 'Tutorials Track' },
  { at: day('14:00'), room: M, current: '', next: '', says: 'Done for today in this room' },
  {
    at: day('15:00'),
    room: S,
    current: 't2-pm2',
    next: 't2-pm3',
    says: 'Measuring and Diagnosing Production ML',
  },
  { at: day('15:45'), room: L, current: '', next: 't1-pm3', says: 'Break until 4:00 PM' },
  { at: day('16:30'), room: L, current: 't1-pm3', next: '', says: 'Optimizing and Tuning' },
  { at: day('16:30'), room: S, current: 't2-pm3', next: '', says: 'Solutions and Platforms' },
  { at: day('18:30'), room: W, current: '', next: '', says: 'Poster Session and Happy Hour until 7:00 PM' },
  { at: day('20:00'), room: S, current: '', next: '', says: "OpML '19 took place on May 20, 2019" },
];

let host: TestHost;
test.beforeAll(async () => {
  host = await startHost({ clock: day('10:45'), rate: 0 });
});
test.afterAll(async () => {
  await host?.close();
});

test('room screens show the right current and next across the day', async ({ page }) => {
  for (const c of cases) {
    await test.step(`${c.room} at ${c.at}`, async () => {
      await page.goto(`${host.room(c.room, c.at)}&slide=now`);
      await settled(page);
      const screen = page.getByTestId('room-screen');
      await expect(screen, `current in ${c.room} at ${c.at}`).toHaveAttribute('data-current', c.current);
      await expect(screen, `next in ${c.room} at ${c.at}`).toHaveAttribute('data-next', c.next);
      await expect(page.locator('main')).toContainText(c.says);
      // venue time, whatever the browser's zone
      await expect(page.getByTestId('clock')).toHaveText(clockOf(c.at));
    });
  }
});

test('the next slide says when, in venue time', async ({ page }) => {
  await page.goto(`${host.room(W, day('10:15'))}&slide=next`);
  await settled(page);
  const card = page.getByTestId('session');
  await expect(card).toHaveAttribute('data-session', 't1-production');
  await expect(card).toContainText('Next · in 15 min');
  await expect(card).toContainText('10:30 AM – 12:30 PM');
});

test('the talk on now is marked, as an estimate', async ({ page }) => {
  await page.goto(`${host.room(S, day('10:55'))}&slide=now`);
  await settled(page);
  const on = page.locator('li:has([data-testid=on-now])');
  await expect(on).toHaveAttribute('data-talk', 't2-deep-learning-2');
  await expect(on.getByTestId('on-now')).toHaveText('Now · est.');
  await expect(page.getByTestId('minutes-left')).toHaveText('95 min left');
});

/** "10:45 AM" from "2019-05-20T10:45:00-07:00": the wall time as written. */
function clockOf(iso: string): string {
  const [h, m] = iso.slice(11, 16).split(':').map(Number) as [number, number];
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}
