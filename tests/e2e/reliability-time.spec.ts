import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DST_PROGRAM } from '../unit/reliability/dst-program.js';
import { api, OPML, serve, stopServe, tempDir } from '../unit/reliability/helpers.js';
import { expect, test } from './support/host.js';

/**
 * Venue time on the room page whatever the zones of the host machine and the browser, through a
 * DST change, and when the machine's own clock jumps by an hour: the screen follows the host.
 */
const AT = '2019-05-20T10:45:00-07:00';
const ZONES = ['UTC', 'Asia/Tokyo', 'America/New_York'] as const;

const clockText = (page: Page) => page.getByTestId('clock').textContent();

/** Minutes since midnight of a "10:45 AM" clock text. */
function minutes(text: string | null): number {
  const m = /^(\d{1,2}):(\d{2})\s*(AM|PM)$/.exec((text ?? '').trim());
  if (!m) throw new Error(`not a clock: "${text}"`);
  return ((Number(m[1]) % 12) + (m[3] === 'PM' ? 12 : 0)) * 60 + Number(m[2]);
}

test('host and browser in different zones show the same venue times', async ({ browser }) => {
  test.setTimeout(90_000);
  const dirs: string[] = [];
  const shown: string[] = [];
  try {
    for (const [i, hostZone] of ZONES.entries()) {
      const browserZone = ZONES[(i + 1) % ZONES.length]!;
      const data = tempDir('hallway-e2e-tz-');
      dirs.push(data);
      const host = await serve(
        ['--program', OPML, '--data', data, '--port', '0', '--clock', AT, '--rate', '0'],
        { TZ: hostZone },
      );
      const context = await browser.newContext({ timezoneId: browserZone });
      try {
        const page = await context.newPage();
        await page.goto(`${host.url}/room/winchester?slide=now`);
        await expect(page.getByTestId('session')).toHaveAttribute('data-session', 't1-production');
        await expect(page.getByTestId('clock')).toHaveText('10:45 AM');
        const card = (await page.getByTestId('session').innerText()).replace(/\s+/g, ' ');
        expect(card, `host ${hostZone}, browser ${browserZone}`).toMatch(/10:30\s*AM/);
        expect(card).toMatch(/12:30\s*PM/);
        shown.push(card);
        const browserHour = await page.evaluate(() => new Date().getHours());
        console.log(
          `time: host TZ=${hostZone}, browser ${browserZone} (its own hour ${browserHour}): clock 10:45 AM, session 10:30 AM–12:30 PM`,
        );
      } finally {
        await context.close();
        await stopServe(host);
      }
    }
    expect(new Set(shown).size, shown.join('\n')).toBe(1);
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
});

test('a simulated clock across the end of summer time: 2:59 AM CEST, then 2:00 AM CET, same session', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const dir = tempDir('hallway-e2e-dst-');
  const file = join(dir, 'nightcon.json');
  writeFileSync(file, JSON.stringify(DST_PROGRAM));
  // 60×: one venue minute per second, from 02:57 CEST.
  const host = await serve(
    [
      '--program',
      file,
      '--data',
      join(dir, 'data'),
      '--port',
      '0',
      '--clock',
      '2019-10-27T02:57:00+02:00',
      '--rate',
      '60',
    ],
    { TZ: 'America/New_York' },
  );
  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
  try {
    const page = await context.newPage();
    await page.goto(`${host.url}/room/saal?slide=now`);
    await expect(page.getByTestId('screen-title')).toHaveText('Saal Eins');
    const seen: string[] = [];
    const sessions = new Set<string>();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const t = (await clockText(page))?.trim() ?? '';
      if (seen.at(-1) !== t) seen.push(t);
      sessions.add((await page.getByTestId('room-screen').getAttribute('data-current')) ?? '');
      if (seen.includes('2:59 AM') && /^2:0[1-9] AM$/.test(t)) break;
      await page.waitForTimeout(200);
    }
    console.log(
      `time: DST night on the room clock: ${seen.join(' → ')}; sessions shown: ${[...sessions].join(', ')}`,
    );
    expect(seen).toContain('2:59 AM');
    const back =
      seen.indexOf('2:00 AM') >= 0
        ? seen.indexOf('2:00 AM')
        : seen.findIndex((s) => /^2:0\d AM$/.test(s) && seen.indexOf(s) > seen.indexOf('2:59 AM'));
    expect(back, `the clock never went back to 2:0x: ${seen.join(', ')}`).toBeGreaterThan(
      seen.indexOf('2:59 AM'),
    );
    expect(seen, 'there is no 3:00 AM that night').not.toContain('3:00 AM');
    expect([...sessions]).toEqual(['across']);
  } finally {
    await context.close();
    await stopServe(host);
    rmSync(dir, { recursive: true, force: true });
  }
});

test.describe('the machine clock jumps by an hour while a room screen runs', () => {
  test.use({ hostOptions: { clock: AT, rate: 1 } });

  for (const jump of [+1, -1]) {
    test(`${jump > 0 ? '+' : '−'}1 h: the venue clock follows the host within a minute`, async ({
      host,
      browser,
    }) => {
      test.setTimeout(60_000);
      const context = await browser.newContext({ timezoneId: 'UTC' });
      const page = await context.newPage();
      await page.clock.install();
      await page.goto(`${host.room('winchester')}?slide=now`);
      await expect(page.getByTestId('session')).toHaveAttribute('data-session', 't1-production');
      const hostMinutes = async () =>
        minutes(
          new Date(
            ((await api(host.url, 'GET', '/api/snapshot')).json as { clock: { now: string } }).clock.now,
          ).toLocaleTimeString('en-US', {
            timeZone: 'America/Los_Angeles',
            hour: 'numeric',
            minute: '2-digit',
          }),
        );
      expect(Math.abs(minutes(await clockText(page)) - (await hostMinutes()))).toBeLessThanOrEqual(1);

      await page.clock.setSystemTime(Date.now() + jump * 3_600_000);
      // A minute of the page's time, in heartbeat-sized steps.
      const trail: string[] = [];
      let off = Infinity;
      for (let i = 0; i < 4; i++) {
        await page.clock.fastForward(15_000);
        await page.waitForTimeout(500);
        const shown = await clockText(page);
        trail.push(shown ?? '');
        // The fast-forwarded page may run ahead of the host by the steps taken so far.
        off = minutes(shown) - (await hostMinutes());
        if (off >= -1 && off <= 2) break;
      }
      console.log(
        `time: machine clock ${jump > 0 ? '+' : '−'}1 h: room clock ${trail.join(' → ')} (host-following within a minute: ${off >= -1 && off <= 2})`,
      );
      expect(
        off,
        `the screen shows its own clock, not the host's: ${trail.join(' → ')}`,
      ).toBeGreaterThanOrEqual(-1);
      expect(off).toBeLessThanOrEqual(2);
      await expect(page.getByTestId('session')).toHaveAttribute('data-session', 't1-production');
      await context.close();
    });
  }
});
