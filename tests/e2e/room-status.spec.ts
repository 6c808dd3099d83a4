import { ROUTES } from '../../core/protocol/index.js';
import { expect, startHost, test, type TestHost } from './support/host.js';

// "Room full": one override shows a band on that room's screen and a mark on the lobby within a
// second, and both clear by themselves at the end of the session it was said in.
const S = 'stevens-creek';
const AT = '2019-05-20T12:20:00-07:00';

let host: TestHost;
test.beforeAll(async () => {
  host = await startHost({ clock: AT, rate: 0 });
  const res = await fetch(host.url + ROUTES.settings, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({
      rooms: {
        [S]: { floor: 'first floor', stream: 'https://streaming.example.org/stevens-creek' },
        'santa-clara-ballroom': { building: 'Hall 1', floor: 'ground floor' },
      },
    }),
  });
  expect(res.status).toBe(201);
});
test.afterAll(async () => {
  await host?.close();
});

test('room full shows on the room and the lobby within 1 s, and clears at the session’s end', async ({
  context,
}) => {
  const room = await context.newPage();
  const lobby = await context.newPage();
  await room.goto(host.room(S));
  await lobby.goto(`${host.lobby()}?slide=now:0`);
  await expect(room.getByTestId('clock')).toBeVisible();
  await expect(lobby.locator(`li[data-room="${S}"]`)).toBeVisible();
  await expect(room.getByTestId('room-status')).toHaveCount(0);

  await host.post({ kind: 'room-status', room: S, status: 'full' });
  const band = room.getByTestId('room-status');
  await expect(band).toHaveAttribute('data-status', 'full', { timeout: 1_000 });
  await expect(band).toContainText('Full');
  await expect(band).toContainText('on the stream');
  await expect(band.getByTestId('qr')).toBeVisible();
  const mark = lobby.locator(`li[data-room="${S}"]`).getByTestId('lobby-room-status');
  await expect(mark).toHaveText('Full', { timeout: 1_000 });
  await expect(lobby.locator(`li[data-room="${S}"]`).getByTestId('lobby-room-place')).toHaveText(
    ' · first floor',
  );

  await room.screenshot({ path: 'test-results/settings/room-full-1920x1080.png' });

  // The morning block in Stevens Creek ends at 12:30: run the clock up to it.
  await host.setClock({ action: 'set', at: '2019-05-20T12:29:58-07:00', rate: 1 });
  await expect(band).toHaveCount(0, { timeout: 4_000 });
  await expect(mark).toHaveCount(0, { timeout: 1_000 });
});
