import { resolve } from 'node:path';
import type { Program } from '../../core/program/schema.js';
import type { NowNext } from '../../core/schedule/types.js';
import { ROUTES } from '../../core/protocol/index.js';
import { expect, startHost, test, type TestHost } from './support/host.js';
import { overflowing, settled } from './support/screen.js';

// The screens on a real, large program: 35C3 as its frab XML (75 rooms, 927 events, 4 days).
// Runs in the utc project only (playwright.config.ts): venue-time across zones is covered elsewhere.
const FIXTURE = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'fixtures',
  'schedules',
  '35c3-everything.schedule.xml',
);
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 3840, height: 2160 },
];
const ROOMS = ['adams', 'borg', 'clarke', 'dijkstra', 'eliza', 'chaos-west-buhne', 'oio-vortrags-arena'];
const DAYS = ['2018-12-27', '2018-12-28', '2018-12-29', '2018-12-30'];
const TIMES = ['11:45', '17:15', '23:30'];
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

let host: TestHost;
let program: Program;

async function api<T>(path: string): Promise<T> {
  const res = await fetch(host.url + path);
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
const nowNextAt = (room: string, at: string) =>
  api<NowNext>(`${ROUTES.nowNext}?room=${encodeURIComponent(room)}&at=${encodeURIComponent(at)}`);

test.beforeAll(async () => {
  host = await startHost({ clock: '2018-12-27T11:00:00+01:00', rate: 0, program: FIXTURE });
  program = (await api<{ program: Program }>(ROUTES.snapshot)).program;
  expect(program.rooms).toHaveLength(75);
  expect(program.sessions).toHaveLength(927);
});
test.afterAll(async () => {
  await host?.close();
});

test('room screens of 35C3 rooms show the current and next session on all four days', async ({ page }) => {
  test.setTimeout(90_000);
  let withCurrent = 0;
  for (const day of DAYS)
    for (const time of TIMES)
      for (const room of ROOMS) {
        const at = `${day}T${time}:00+01:00`;
        const want = await nowNextAt(room, at);
        await page.goto(`${host.room(room, at)}&slide=now`);
        await settled(page);
        const screen = page.getByTestId('room-screen');
        const what = `${room} at ${at}`;
        expect(await screen.getAttribute('data-current'), what).toBe(want.current?.id ?? '');
        expect(await screen.getAttribute('data-next'), what).toBe(want.next?.id ?? '');
        if (want.current) {
          withCurrent++;
          await expect(screen, what).toContainText(want.current.title.trim());
        }
      }
  // the instants must put sessions on screen, not only empty rooms
  expect(withCurrent).toBeGreaterThan(DAYS.length * ROOMS.length);
});

/** The slide and instant that put session `id` on its room's screen, asked of the host. */
async function placing(s: Program['sessions'][number]): Promise<{ at: string; slide: string }> {
  const start = Date.parse(s.start);
  const during = iso(start + MIN);
  if ((await nowNextAt(s.room!, during)).current?.id === s.id) return { at: during, slide: 'now' };
  const before = iso(start - MIN);
  const nn = await nowNextAt(s.room!, before);
  if (nn.next?.id === s.id) return { at: before, slide: 'next' };
  return { at: before, slide: 'later' };
}

for (const size of SIZES) {
  test(`the 40 longest 35C3 titles fit at ${size.width}×${size.height}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const seen = new Set<string>();
    const longest = [...program.sessions]
      .filter((s) => s.room !== null)
      .sort((a, b) => b.title.length - a.title.length)
      .filter((s) => !seen.has(s.title) && seen.add(s.title))
      .slice(0, 40);
    expect(longest[0]!.title).toHaveLength(121);
    const problems: string[] = [];
    for (const s of longest) {
      const { at, slide } = await placing(s);
      await page.goto(`${host.room(s.room!, at)}&slide=${slide}`);
      await settled(page);
      const what = `${s.id} (${s.title.length} chars) on ${s.room} ${slide} at ${at}`;
      await expect(page.getByTestId('room-screen'), what).toContainText(s.title.trim().slice(0, 40));
      for (const p of await overflowing(page)) problems.push(`${what}: ${p}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('a session with a link shows it as a QR code, labelled with the link', async ({ page }) => {
  const at = '2018-12-28T11:45:00+01:00';
  await page.goto(`${host.room('adams', at)}&slide=now`);
  await expect(page.getByTestId('session')).toContainText('Inside the Fake Science Factories');
  const qr = page.getByTestId('qr');
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute(
    'aria-label',
    'QR code: https://fahrplan.events.ccc.de/congress/2018/Fahrplan/events/9744.html',
  );
});

test('the lobby pages through all 75 rooms on its timer, no text overflowing', async ({ page }) => {
  test.setTimeout(90_000);
  // Fake timers: the loop takes minutes of real time; the page is frozen at an instant anyway.
  await page.clock.install();
  await page.goto(host.lobby('2018-12-28T14:10:00+01:00'));
  await settled(page);
  const indicator = page.getByTestId('page-indicator');
  const labels: string[] = [];
  const names = new Set<string>();
  const slides: string[] = [];
  const problems: string[] = [];
  for (let step = 0; step < 200; step++) {
    const slide = (await page.getByTestId('lobby-screen').getAttribute('data-slide')) ?? '';
    if (slides.length > 1 && slide === slides[0]) break; // one full loop
    if (slides.at(-1) !== slide) {
      slides.push(slide);
      await settled(page);
      labels.push((await indicator.textContent())?.trim() ?? '');
      const shown = slide.startsWith('now')
        ? page.locator('[data-testid=lobby-now-next] li .room')
        : page.getByTestId('lobby-room');
      for (const t of await shown.allTextContents()) names.add(t.trim());
      for (const p of await overflowing(page)) problems.push(`${slide}: ${p}`);
    }
    await page.clock.runFor(2_000);
  }
  const nowLabels = labels.filter((_, i) => slides[i]!.startsWith('now:'));
  expect(nowLabels.length, `slides seen: ${slides.join(', ')}`).toBeGreaterThan(5);
  expect(nowLabels[0]).toMatch(/^Rooms 1–\d+ of 75$/);
  expect(nowLabels.at(-1)).toMatch(/^Rooms? (\d+–)?75 of 75$/);
  expect(new Set(nowLabels).size, 'the indicator advances').toBe(nowLabels.length);
  expect(
    labels.some((l, i) => slides[i]!.startsWith('grid:') && /of \d+$/.test(l)),
    'the grid pages too',
  ).toBe(true);
  const missing = program.rooms.map((r) => r.name).filter((n) => !names.has(n));
  expect(missing, 'rooms on no page').toEqual([]);
  expect(problems, problems.join('\n')).toEqual([]);
});
