import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, startHost, test, type TestHost } from './support/host.js';
import { overflowing, settled } from './support/screen.js';

// Every OpML '19 session on screen, at the three screen sizes: no text box overflows or sticks out.
// Layout does not depend on the browser's zone, so this runs in one project only.
const program = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data/opml19.json'), 'utf8')) as {
  sessions: { id: string; start: string; room: string | null }[];
};
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 3840, height: 2160 },
];
/** Five minutes into the session, as an ISO instant. */
const into = (start: string) => new Date(Date.parse(start) + 5 * 60_000).toISOString();
const instants = [...new Set(program.sessions.map((s) => into(s.start)))];

let host: TestHost;
test.beforeAll(async () => {
  host = await startHost({ clock: '2019-05-20T10:45:00-07:00', rate: 0 });
  // the longest texts the screens may get: an announcement and an alert staff typed in a hurry
  await host.post({
    kind: 'announce',
    text: 'The poster session moves to the Magnolia Room; posters can be hung from 5:30 PM, tubes are available at the registration desk near the main entrance of the convention center.',
  });
});
test.afterAll(async () => {
  await host?.close();
});

for (const size of SIZES) {
  test(`no text overflows at ${size.width}×${size.height}`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(size);
    const problems: string[] = [];
    const check = async (url: string, what: string) => {
      await page.goto(url);
      await settled(page);
      for (const p of await overflowing(page)) problems.push(`${what}: ${p}`);
    };
    for (const s of program.sessions) {
      const room = s.room ?? 'winchester';
      for (const slide of ['now', 'next'])
        await check(`${host.room(room, into(s.start))}&slide=${slide}`, `${room} ${slide} during ${s.id}`);
    }
    const busy = '2019-05-20T11:00:00-07:00';
    for (const slide of ['later', 'elsewhere', 'announcements', 'sponsors'])
      await check(`${host.room('stevens-creek', busy)}&slide=${slide}`, `stevens-creek ${slide}`);
    for (const at of instants)
      for (const slide of ['grid:0', 'now:0'])
        await check(`${host.lobby(at)}&slide=${slide}`, `lobby ${slide} at ${at}`);
    expect(problems, problems.join('\n')).toEqual([]);
  });
}
