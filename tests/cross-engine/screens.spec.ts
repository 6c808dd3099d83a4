import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it as vitestIt } from 'vitest';
import { ROUTES } from '../../core/protocol/index.js';
import type { Program } from '../../core/program/schema.js';
import { startHost, type TestHost } from '../e2e/support/host.js';
import { clockOf, day, ROOM_DAY, S } from '../e2e/support/room-day-cases.js';
import { overflowingInPage } from '../e2e/support/screen.js';
import { SCREENSHOT_AT, SCREENSHOT_PAGES, seedScreenshotHost } from '../e2e/support/screenshot-pages.js';
import { ENGINES, type EnginePage } from './engines/index.js';
import { holdLongTimersInPage, lobbyPageInPage, settled, turnInPage, until } from './support.js';

/**
 * The screens in the browsers a hallway PC has besides Chromium (which the Playwright suite
 * drives): Firefox ESR over WebDriver BiDi and WebKitGTK over WebDriver, one spec for both. Each
 * browser runs in Tokyo's zone, far from every venue here: screens must show venue time anyway.
 * An engine that is not installed fails here with the command that installs it.
 */
const ZONE = 'Asia/Tokyo';
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/screenshots');
const C3 = resolve(ROOT, '..', 'shared', 'fixtures', 'schedules', '35c3-everything.schedule.xml');
const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };
/** Of the Chromium suite's pictures, the ones taken here too (WebKit's screenshots are slow). */
const PICTURED = ['room-now', 'room-next', 'lobby-grid', 'lobby-now-next'];

/** In the page: how many offline marks show (the staff's dot while the stream is down). */
const offlineMarks = () => document.querySelectorAll('[data-testid=offline]').length;

describe.each(ENGINES)('$name', (engine) => {
  let page: EnginePage;
  // Checked by every test, so that each one fails (not skips) with the install command.
  const missing = engine.missing();
  const it = (name: string, body: () => Promise<void>, timeout?: number) =>
    vitestIt(
      name,
      async () => {
        if (missing) throw new Error(missing);
        await body();
      },
      timeout,
    );

  beforeAll(async () => {
    if (missing) return;
    const launched = await engine.launch(ZONE);
    page = launched.page;
    console.log(`${engine.name}: ${launched.version}`);
    await page.setViewport(LANDSCAPE.width, LANDSCAPE.height);
  });
  afterAll(async () => {
    await page?.close();
  });

  /** A fresh host per test (closed after it), the page at the landscape size. */
  async function withHost<T>(opts: Parameters<typeof startHost>[0], body: (h: TestHost) => Promise<T>) {
    const host = await startHost(opts);
    try {
      await page.setViewport(LANDSCAPE.width, LANDSCAPE.height);
      return await body(host);
    } finally {
      await host.close();
    }
  }

  async function open(url: string): Promise<void> {
    await page.open(url);
    await settled(page);
  }

  /** Page errors and CSP violations since the last open, and boxes the text overflows. */
  async function faults(what: string): Promise<string[]> {
    const found = [...(await page.problems()), ...(await page.evaluate(overflowingInPage))];
    return found.map((f) => `${what}: ${f}`);
  }

  it(`runs in ${ZONE}, not in venue time`, async () => {
    await withHost({ clock: day('10:45'), rate: 0 }, async (h) => {
      await open(h.room(S));
      const zone = await page.evaluate(() => [
        Intl.DateTimeFormat().resolvedOptions().timeZone,
        new Date(Date.UTC(2019, 4, 20)).getTimezoneOffset(),
      ]);
      expect(zone).toEqual([ZONE, -540]);
    });
  });

  it(`room screens of OpML '19 at ${ROOM_DAY.length} held instants show the right current and next`, async () => {
    await withHost({ clock: day('10:45'), rate: 0 }, async (h) => {
      const problems: string[] = [];
      for (const c of ROOM_DAY) {
        const what = `${c.room} at ${c.at}`;
        await open(`${h.room(c.room, c.at)}&slide=now`);
        const shown = await page.evaluate(() => {
          const screen = document.querySelector('[data-testid=room-screen]');
          return {
            current: screen?.getAttribute('data-current'),
            next: screen?.getAttribute('data-next'),
            main: document.querySelector('main')?.textContent ?? '',
            clock: document.querySelector('[data-testid=clock]')?.textContent?.trim(),
          };
        });
        expect(shown.current, `current in ${what}`).toBe(c.current);
        expect(shown.next, `next in ${what}`).toBe(c.next);
        expect(shown.main.replace(/\s+/g, ' '), what).toContain(c.says);
        // venue time, whatever the browser's zone
        expect(shown.clock, `clock in ${what}`).toBe(clockOf(c.at));
        problems.push(...(await faults(what)));
      }
      expect(problems).toEqual([]);
    });
  });

  it('an alert reaches an open room page within 1 s, its revert removes it; an override shows within 1 s', async () => {
    await withHost({ clock: day('10:45'), rate: 0 }, async (h) => {
      await open(`${h.room(S)}?slide=now`);
      const alertText = () => page.text('[data-testid=alert]');
      expect(await alertText()).toBe('');

      const alert = await h.post({ kind: 'alert', text: 'Please leave the building by the nearest exit' });
      const shown = await until('the alert shows', alertText, (t) => t.includes('Please leave the building'));
      expect(shown.ms).toBeLessThanOrEqual(1_000);
      await h.revert(alert.id);
      const gone = await until('the reverted alert goes', alertText, (t) => t === '');
      expect(gone.ms).toBeLessThanOrEqual(1_000);

      await h.post({ kind: 'delay', session: 't2-deep-learning', minutes: 10 });
      const delay = await until(
        'the delay shows',
        () => page.text('[data-testid=delay]'),
        (t) => t === 'Running 10 min late — now 10:40 AM',
      );
      expect(delay.ms).toBeLessThanOrEqual(1_000);
      expect(await faults('room with an alert and a delay')).toEqual([]);
    });
  });

  it('the host stopped: the room keeps its loop and clock from its cache, catches up without a reload', async () => {
    // 60× so the venue clock visibly moves while the host is down
    await withHost({ clock: day('10:45'), rate: 60 }, async (h) => {
      await open(h.room(S));
      const clock = () => page.text('[data-testid=clock]');
      const slide = () => page.attr('[data-testid=room-screen]', 'data-slide');
      const offline = () => page.evaluate(offlineMarks);
      await until('the stream is open', offline, (n) => n === 0);
      const firstSlide = await slide();
      // a reload would lose both
      const loaded = await page.evaluate(() => {
        (window as unknown as { marker: number }).marker = 42;
        return performance.timeOrigin;
      });

      await h.stop();
      await until('the offline mark shows', offline, (n) => n === 1);
      const before = await clock();
      await until('the clock runs on', clock, (t) => t !== before);
      // the loop turns on: the now slide (20 s) gives way to the next one
      await until('the slide loop turns', slide, (s) => s !== firstSlide, 25_000);
      expect(await page.text('[data-testid=screen-title]')).toBe('Stevens Creek Room');
      expect(await page.attr('[data-testid=room-screen]', 'data-current')).toMatch(/^t2-/);
      const cached = await page.evaluate(() => localStorage.getItem('hallway:room:stevens-creek') !== null);
      expect(cached, "the room's payload is in localStorage").toBe(true);

      await h.restart({ clock: day('10:45'), rate: 60 });
      await h.post({ kind: 'announce', text: 'Back online: lunch is in the Magnolia Room' });
      await until('the offline mark goes', offline, (n) => n === 0, 10_000);
      await until(
        'the announcement made after the restart shows',
        () => page.text('[data-testid=announcement-band]'),
        (t) => t.includes('Back online'),
        10_000,
      );
      const after = await page.evaluate(() => [
        (window as unknown as { marker?: number }).marker,
        performance.timeOrigin,
      ]);
      expect(after, 'the page reloaded').toEqual([42, loaded]);
      expect(await page.problems()).toEqual([]);
    });
  });

  it("the lobby pages through 35C3's 75 rooms at 1920×1080 and 1080×1920, no text overflowing", async () => {
    await withHost({ clock: '2018-12-28T14:10:00+01:00', rate: 0, program: C3 }, async (h) => {
      const res = await fetch(h.url + ROUTES.snapshot);
      const program = ((await res.json()) as { program: Program }).program;
      expect(program.rooms).toHaveLength(75);
      await open(h.lobby('2018-12-28T14:10:00+01:00'));
      const slideOf = () => page.attr('[data-testid=lobby-screen]', 'data-slide');
      // The loop's first timer is already running (20 s, real time); from its end on, the
      // test turns the loop itself.
      await page.evaluate(holdLongTimersInPage);
      const first = await slideOf();
      await until('the lobby loop turns', slideOf, (s) => s !== first, 25_000);

      const problems: string[] = [];
      for (const size of [LANDSCAPE, PORTRAIT]) {
        await page.setViewport(size.width, size.height);
        const labels: string[] = [];
        const slides: string[] = [];
        const names = new Set<string>();
        await settled(page);
        let current = (await slideOf()) ?? '';
        // one full loop: until the first slide comes round again (a few round trips per slide)
        for (let step = 0; step < 200 && !(slides.length > 1 && current === slides[0]); step++) {
          slides.push(current);
          const shown = await page.evaluate(lobbyPageInPage);
          labels.push(shown.label);
          for (const n of shown.rooms) names.add(n);
          const what = `lobby ${current} at ${size.width}×${size.height}`;
          for (const f of await page.evaluate(overflowingInPage)) problems.push(`${what}: ${f}`);
          const next = await page.evaluate(turnInPage);
          expect(next, `the loop turns on from ${current}`).not.toBeNull();
          current = next!;
        }
        problems.push(...(await page.problems()));
        const at = `at ${size.width}×${size.height}, slides seen: ${slides.join(', ')}`;
        const nowLabels = labels.filter((_, i) => slides[i]!.startsWith('now:'));
        expect(nowLabels.length, at).toBeGreaterThan(2);
        expect(nowLabels[0], at).toMatch(/^Rooms 1–\d+ of 75$/);
        expect(nowLabels.at(-1), at).toMatch(/^Rooms? (\d+–)?75 of 75$/);
        expect(new Set(nowLabels).size, `the indicator advances ${at}`).toBe(nowLabels.length);
        expect(
          labels.some((l, i) => slides[i]!.startsWith('grid:') && /of \d+$/.test(l)),
          `the grid pages too ${at}`,
        ).toBe(true);
        const missing = program.rooms.map((r) => r.name).filter((n) => !names.has(n));
        expect(missing, `rooms on no page ${at}`).toEqual([]);
      }
      expect(problems).toEqual([]);
    });
  }, 180_000);

  it('pictures of the room and lobby, beside the Chromium ones', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await withHost({ clock: SCREENSHOT_AT, rate: 0 }, async (h) => {
      await seedScreenshotHost(h);
      const problems: string[] = [];
      for (const size of [LANDSCAPE, PORTRAIT]) {
        await page.setViewport(size.width, size.height);
        for (const p of SCREENSHOT_PAGES.filter((s) => PICTURED.includes(s.name))) {
          await open(p.url(h));
          // the staff's offline dot shows until the event stream is open (~0.1 s after load)
          await until(
            'the stream is open',
            () => page.evaluate(offlineMarks),
            (n) => n === 0,
          );
          await page.screenshot(`${SHOTS}/${engine.name}-${p.name}-${size.width}x${size.height}.png`);
          problems.push(...(await faults(`${p.name} at ${size.width}×${size.height}`)));
        }
      }
      expect(problems).toEqual([]);
    });
  });
});
