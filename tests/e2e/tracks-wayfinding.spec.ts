import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTES } from '../../core/protocol/index.js';
import { expect, startHost, test, type TestHost } from './support/host.js';
import { settled } from './support/screen.js';
import { C3_MORNING, C3_XML, THEMED_SIZES } from './support/35c3.js';

// 35C3 as a schedule with its own track colours (frab <track color>), staff's colour for one
// track, where the halls are and how to get there from the entrance; in German. The room
// screen's "Elsewhere now" fits a portrait screen (it listed ~27 rooms and cut the last off).
const SOURCE = C3_XML;
const AT = C3_MORNING;
const SIZES = THEMED_SIZES;
const SCHEDULE_COLOURS: Record<string, string> = {
  CCC: '#ff7b2f',
  Security: '#e8425a',
  Science: '#3aa0ff',
  Resilience: '#2fd1c5',
  'Art & Culture': '#c96bff',
  'Ethics, Society & Politics': '#f0b400',
  'Hardware & Making': '#7ac943',
  Music: '#8892a0',
  'self organized sessions': '#5f6b7a',
};
const STAFF_ART = '#ff5fc8';

let host: TestHost;
test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hallway-tracks-'));
  const tracks = Object.entries(SCHEDULE_COLOURS)
    .map(([name, color]) => `<track name="${name.replace(/&/g, '&amp;')}" color="${color}"/>`)
    .join('');
  const xml = readFileSync(SOURCE, 'utf8').replace('</conference>', `${tracks}</conference>`);
  const program = join(dir, '35c3-tracks.schedule.xml');
  writeFileSync(program, xml);
  host = await startHost({ clock: AT, rate: 0, program });
  const res = await fetch(host.url + ROUTES.settings, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({
      language: { primary: 'de' },
      theme: { background: '#0a0f14', text: '#f2f5f3', accent: '#00f0a0' },
      tracks: { 'Art & Culture': STAFF_ART },
      rooms: {
        adams: { building: 'Halle 2', floor: 'Erdgeschoss' },
        borg: { building: 'Halle 1', floor: 'Erdgeschoss', directions: 'Durch das Foyer geradeaus' },
        clarke: { building: 'Halle 3', floor: 'Erdgeschoss' },
        dijkstra: { building: 'CCL', floor: '1. OG', directions: 'Rolltreppe hinauf, dann links' },
        eliza: { building: 'CCL', floor: '1. OG' },
      },
      locations: { Eingang: { directions: { borg: 'Vom Eingang rechts, an der Garderobe vorbei' } } },
    }),
  });
  if (!res.ok) throw new Error(`PUT settings → ${res.status}: ${await res.text()}`);
});
test.afterAll(async () => {
  await host?.close();
});

test('a room card shows its track in the schedule’s colour, staff’s where set, readable on it', async ({
  page,
}) => {
  const cases = [
    { room: 'clarke', track: 'Security', colour: SCHEDULE_COLOURS.Security!, ink: 'rgb(0, 0, 0)' },
    { room: 'eliza', track: 'Art & Culture', colour: STAFF_ART, ink: 'rgb(0, 0, 0)' },
  ];
  for (const c of cases) {
    await page.goto(`${host.room(c.room)}?slide=now`);
    await settled(page);
    const chip = page.getByTestId('track-colour');
    await expect(chip).toHaveText(c.track);
    await expect(chip).toHaveAttribute('data-colour', c.colour);
    await expect(chip).toHaveCSS('color', c.ink);
  }
});

test('the admin shows the schedule’s colour where staff set none, and goes back to it', async ({ page }) => {
  await page.goto(host.admin());
  await page.getByTestId('settings-panel').locator('summary').click();
  const security = page.locator('[data-testid=track-setting][data-track="Security"]');
  await expect(security).toContainText('(the schedule’s colour)');
  await expect(security.locator('input[type=color]')).toHaveValue(SCHEDULE_COLOURS.Security!);
  const art = page.locator('[data-testid=track-setting][data-track="Art & Culture"]');
  await expect(art.locator('input[type=color]')).toHaveValue(STAFF_ART);
  await art.getByRole('button', { name: 'Use the schedule’s' }).click();
  await expect(art).toContainText('(the schedule’s colour)');
  await expect(art.locator('input[type=color]')).toHaveValue(SCHEDULE_COLOURS['Art & Culture']!);
  await page
    .getByTestId('settings-panel')
    .locator('fieldset', { hasText: 'Track colours' })
    .screenshot({ path: 'test-results/tracks/admin-track-colours.png' });
});

test('"Elsewhere now" says where each hall is and how to get there from this screen’s place', async ({
  page,
}) => {
  await page.goto(`${host.room('adams')}?slide=elsewhere&location=Eingang`);
  await settled(page);
  const list = page.getByTestId('elsewhere');
  await expect(list).toContainText('Borg · Halle 1, Erdgeschoss →');
  await expect(list).toContainText('Vom Eingang rechts, an der Garderobe vorbei');
  // without a place of its own, the room's own directions
  await expect(list).toContainText('Dijkstra · CCL, 1. OG →');
  await expect(list).toContainText('Rolltreppe hinauf, dann links');
  await page.goto(`${host.room('adams')}?slide=elsewhere`);
  await settled(page);
  await expect(list).toContainText('Durch das Foyer geradeaus');
});

test('the lobby shows floors, and how to get to each room from where the board stands', async ({ page }) => {
  await page.goto(`${host.lobby()}?slide=now:0&location=Eingang`);
  await settled(page);
  const borg = page.locator('[data-testid=lobby-now-next] li[data-room=borg]');
  await expect(borg.getByTestId('lobby-room-place')).toHaveText(' · Halle 1, Erdgeschoss');
  await expect(borg.getByTestId('lobby-room-way')).toHaveText('Vom Eingang rechts, an der Garderobe vorbei');
  const dijkstra = page.locator('[data-testid=lobby-now-next] li[data-room=dijkstra]');
  await expect(dijkstra.getByTestId('lobby-room-way')).toHaveText('Rolltreppe hinauf, dann links');
});

for (const size of SIZES.slice(0, 2))
  test(`"Elsewhere now" on 35C3 fits ${size.width}x${size.height}: every row shown whole, the rest counted`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await page.goto(`${host.room('borg')}?slide=elsewhere`);
    await settled(page);
    const more = page.getByTestId('elsewhere-more');
    await expect(more).toContainText(/^\+\d+ weitere Räume: alle Räume stehen auf den Tafeln im Foyer$/);
    const cut = await page.getByTestId('elsewhere').evaluate((el) => {
      const ol = el.querySelector('ol')!.getBoundingClientRect();
      const font = parseFloat(getComputedStyle(el.querySelector('ol')!).fontSize);
      const rows = [...el.querySelectorAll('li')].map((li) => li.getBoundingClientRect());
      return {
        cut: rows.filter((r) => r.bottom > ol.bottom + 1 || r.bottom > innerHeight).length,
        rows: rows.length,
        font,
      };
    });
    expect(cut.cut).toBe(0);
    expect(cut.rows).toBeGreaterThanOrEqual(size.height > size.width ? 8 : 4);
    // read from five metres: at least 2.5 % of the short side
    expect(cut.font).toBeGreaterThanOrEqual(Math.min(size.width, size.height) * 0.025);
  });

test('screenshots: 35C3 room screen and lobby with the schedule’s track colours and wayfinding, in German', async ({
  page,
}) => {
  test.setTimeout(120_000);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const name = `${size.width}x${size.height}`;
    for (const [shot, url] of [
      ['room-now', `${host.room('clarke')}?slide=now`],
      ['room-elsewhere', `${host.room('adams')}?slide=elsewhere&location=Eingang`],
      ['lobby', `${host.lobby()}?slide=grid:0`],
      ['lobby-now', `${host.lobby()}?slide=now:0&location=Eingang`],
    ] as const) {
      await page.goto(url);
      await settled(page);
      await page.screenshot({ path: `test-results/tracks/35c3-${shot}-${name}.png` });
    }
  }
});
