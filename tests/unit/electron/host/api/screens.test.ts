import { afterEach, describe, expect, it } from 'vitest';
import {
  eventsUrl,
  RegistryInfo,
  ROUTES,
  SCREEN_EVENT,
  SCREEN_ROUTES,
  SCREEN_SILENT_MS,
  withScreen,
} from '../../../../../core/protocol/index.js';
import { openEvents, type TestHost, testHost } from '../helpers.js';

const SECRET = 'kept-by-the-door-screen-only';
const door = { screen: 'door', page: 'room', room: 'winchester', revision: 0, secret: SECRET, boot: 'b1' };

let t: TestHost;
afterEach(async () => t?.close());

describe('the screen registry over HTTP', () => {
  it('needs the token for every write, and names a taken name in a 409', async () => {
    t = await testHost();
    expect((await t.api('POST', ROUTES.heartbeat, door, null)).status).toBe(200);
    for (const [path, body] of [
      [SCREEN_ROUTES.assign, { screen: 'door', assignment: { page: 'lobby' } }],
      [SCREEN_ROUTES.command, { command: 'reload', all: true }],
      [SCREEN_ROUTES.forget, { screen: 'door' }],
      [SCREEN_ROUTES.dismiss, { screen: 'door', kind: 'silent', since: 1 }],
    ] as const)
      expect((await t.api('POST', path, body, null)).status, path).toBe(401);
    const taken = await t.api(
      'POST',
      ROUTES.heartbeat,
      { ...door, secret: 'some-other-screen-secret' },
      null,
    );
    expect(taken.status).toBe(409);
    expect(taken.json.error).toContain('"door" belongs to another screen');
    expect(taken.json.error).toContain('?screen=');
  });

  it.each([
    [{ screen: 'door', assignment: { page: 'room' } }, 'assignment.room'],
    [{ screen: 'door', assignment: { page: 'room', room: 'nowhere' } }, 'assignment.room'],
    [{ screen: 'door', assignment: { page: 'lobby', lang: 'German' } }, 'assignment.lang'],
    [{ screen: 'nobody', assignment: { page: 'lobby' } }, 'screen'],
    [{ screen: 'door', assignment: { page: 'lobby', location: 'Entrance' } }, 'assignment.location'],
    [{ screen: 'door', assignment: { page: 'lobby', location: ' ' } }, 'assignment.location'],
    [{ screen: 'door', assignment: { page: 'lobby', location: 'x'.repeat(81) } }, 'assignment.location'],
  ])('refuses the assignment %j naming %s', async (body, path) => {
    t = await testHost();
    await t.api('POST', ROUTES.heartbeat, door, null);
    const { status, json } = await t.api('POST', SCREEN_ROUTES.assign, body);
    expect([400, 404]).toContain(status);
    expect(json.problems.map((p: { path: string }) => p.path)).toContain(path);
  });

  it('sends the screen its directive on connecting and at each change, within the second', async () => {
    t = await testHost();
    await t.api('POST', ROUTES.heartbeat, door, null);
    const es = openEvents(t.host.url + withScreen(eventsUrl(null), 'door'));
    const directives = () => es.events.filter((e) => e.event === SCREEN_EVENT).map((e) => JSON.parse(e.data));
    try {
      await es.until(() => directives().length === 1, 'the first directive');
      expect(directives()[0]).toEqual({ screen: 'door', assignment: null, identifyMs: 0, reload: 0 });
      const at = Date.now();
      const assigned = await t.api('POST', SCREEN_ROUTES.assign, {
        screen: 'door',
        assignment: { page: 'room', room: 'stevens-creek', lang: 'de' },
        group: 'floor-1',
      });
      expect(assigned.json).toMatchObject({ group: 'floor-1', assignment: { room: 'stevens-creek' } });
      await es.until(() => directives().length === 2, 'the assignment');
      expect(Date.now() - at).toBeLessThan(1_000);
      expect(directives()[1].assignment).toEqual({ page: 'room', room: 'stevens-creek', lang: 'de' });
      expect(
        (await t.api('POST', SCREEN_ROUTES.command, { command: 'reload', group: 'floor-1' })).json,
      ).toEqual({
        screens: ['door'],
      });
      await es.until(() => directives().length === 3, 'the reload');
      // Its count is the revision that asked it (the assignment was revision 1): the same at every host.
      expect(directives()[2].reload).toBe(2);
      const log = (await t.api('GET', ROUTES.snapshot)).json.overrides as { type: string; action?: string }[];
      expect(log.map((e) => [e.type, e.action])).toEqual([
        ['screen', 'assign'],
        ['screen', 'reload'],
      ]);
      expect(
        (await t.api('POST', SCREEN_ROUTES.command, { command: 'identify', group: 'nope' })).status,
      ).toBe(404);
    } finally {
      await es.close();
    }
  });

  it('takes a location the settings have, sends it to the screen, and refuses one they lack naming theirs', async () => {
    t = await testHost();
    await t.api('POST', ROUTES.heartbeat, door, null);
    const none = await t.api('POST', SCREEN_ROUTES.assign, {
      screen: 'door',
      assignment: { page: 'room', room: 'winchester', location: 'Entrance' },
    });
    expect(none.status).toBe(400);
    expect(none.json.error).toContain('unknown location "Entrance"');
    expect(none.json.error).toContain('the settings have no locations yet');
    const put = await t.api('PUT', ROUTES.settings, {
      locations: { Entrance: { directions: { winchester: 'Past the desk' } }, Foyer: {} },
    });
    expect(put.status).toBe(201);
    const es = openEvents(t.host.url + withScreen(eventsUrl(null), 'door'));
    const directives = () => es.events.filter((e) => e.event === SCREEN_EVENT).map((e) => JSON.parse(e.data));
    try {
      await es.until(() => directives().length === 1, 'the first directive');
      const ok = await t.api('POST', SCREEN_ROUTES.assign, {
        screen: 'door',
        assignment: { page: 'room', room: 'winchester', location: 'Entrance' },
      });
      expect(ok.status).toBe(200);
      expect(ok.json.assignment).toEqual({ page: 'room', room: 'winchester', location: 'Entrance' });
      await es.until(() => directives().length === 2, 'the assignment');
      expect(directives()[1].assignment).toEqual({ page: 'room', room: 'winchester', location: 'Entrance' });
      const lacking = await t.api('POST', SCREEN_ROUTES.assign, {
        screen: 'door',
        assignment: { page: 'room', room: 'winchester', location: 'Cloakroom' },
      });
      expect(lacking.status).toBe(400);
      expect(lacking.json.error).toContain('"Entrance", "Foyer"');
      expect(lacking.json.problems).toEqual([
        { path: 'assignment.location', message: 'no location "Cloakroom" in the settings' },
      ]);
      // refused: nothing changed, nothing sent
      expect(t.host.assignment('door')).toEqual({ page: 'room', room: 'winchester', location: 'Entrance' });
      expect(directives()).toHaveLength(2);
    } finally {
      await es.close();
    }
  });

  it('keeps screens, assignments, groups and bound names across a restart', async () => {
    t = await testHost();
    await t.api('POST', ROUTES.heartbeat, door, null);
    await t.api('POST', SCREEN_ROUTES.assign, {
      screen: 'door',
      assignment: { page: 'lobby', lang: 'fr' },
      group: 'hall',
    });
    await t.restart();
    const [s] = (await t.api('GET', ROUTES.screens)).json;
    expect(s).toMatchObject({
      screen: 'door',
      assignment: { page: 'lobby', lang: 'fr' },
      group: 'hall',
      bound: true,
    });
    expect(t.host.assignment('door')).toEqual({ page: 'lobby', lang: 'fr' });
    expect(
      (await t.api('POST', ROUTES.heartbeat, { ...door, secret: 'an-impostor-screen-secret' }, null)).status,
    ).toBe(409);
    expect(
      (await t.api('POST', ROUTES.heartbeat, { ...door, boot: 'b2', reason: 'staff' }, null)).status,
    ).toBe(200);
    expect((await t.api('GET', ROUTES.screens)).json[0]).toMatchObject({
      reloads: 1,
      lastReload: { why: 'staff' },
    });
  });

  it('raises silent on the registry time it is given (never the program clock), and says the cap', async () => {
    let shift = 0;
    t = await testHost({ screensNow: () => Date.now() + shift });
    await t.api('POST', ROUTES.heartbeat, door, null);
    const list = await fetch(t.host.url + ROUTES.screens, {
      headers: { authorization: `Bearer ${t.host.token}` },
    });
    expect(list.headers.get('x-registry-cap')).toBe('500');
    shift = SCREEN_SILENT_MS + 1_000;
    expect((await t.api('GET', ROUTES.screens)).json[0].alarm).toMatchObject({ kind: 'silent' });
    await t.api('POST', ROUTES.heartbeat, door, null);
    expect((await t.api('GET', ROUTES.screens)).json[0].alarm).toBeNull();
  });

  it('answers 503 with what to do when the registry is full, and tells the admin its cap and whom it refused', async () => {
    t = await testHost({ limits: { maxScreens: 1 } });
    expect((await t.api('POST', ROUTES.heartbeat, door, null)).status).toBe(200);
    const refused = await t.api(
      'POST',
      ROUTES.heartbeat,
      { ...door, screen: 'foyer', secret: undefined },
      null,
    );
    expect(refused.status).toBe(503);
    expect(refused.json.error).toContain('the screen registry is full (1 screens)');
    expect(refused.json.error).toContain('forget one in the admin');
    expect(refused.json.error).toContain('--max-screens');
    expect((await t.api('GET', SCREEN_ROUTES.registry, undefined, null)).status).toBe(401);
    const { status, json } = await t.api('GET', SCREEN_ROUTES.registry);
    expect(status).toBe(200);
    expect(RegistryInfo.parse(json)).toMatchObject({
      cap: 1,
      perAddress: 50,
      replaceable: 0,
      screens: [{ screen: 'door' }],
      refused: [{ screen: 'foyer', reason: 'list-full' }],
    });
  });

  it('captures an Electron window through the shell, and says which screens cannot be', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    t = await testHost({ capture: async (s) => (s === 'host/door' ? png : null) });
    const ok = await fetch(`${t.host.url}${SCREEN_ROUTES.capture}?screen=host%2Fdoor`, {
      headers: { authorization: `Bearer ${t.host.token}` },
    });
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(png);
    const no = await t.api('GET', `${SCREEN_ROUTES.capture}?screen=browser-1`);
    expect(no.status).toBe(404);
    expect(no.json.error).toContain('no Electron window');
  });
});
