import { Hono } from 'hono';
import {
  AssignInput,
  CommandInput,
  DismissInput,
  ForgetInput,
  Heartbeat,
  ROUTES,
  SCREEN_ROUTES,
  ScreenName,
} from '../../../core/protocol/index.js';
import { MAX_SCREENS_PER_ENTRY } from '../../../core/overrides/schema.js';
import { limitsApply, RateLimit } from '../limits.js';
import type { ScreenRegistry } from '../screens.js';
import type { HostState } from '../state.js';
import { journalFailures } from './journal-failure.js';
import { type AdminAuth, clientAddress, readBody, refuse, refuseFor, requireToken } from './http.js';

export interface BeatLimits {
  beatBurst: number;
  beatsPerSecond: number;
  maxScreens: number;
  limitLoopback: boolean;
}

/** A PNG of the named screen's window, or null when it is no window of this host (the shell's). */
export type CaptureScreen = (screen: string) => Promise<Uint8Array | null>;

export function screenRoutes(
  state: HostState,
  screens: ScreenRegistry,
  auth: AdminAuth,
  limits: BeatLimits,
  log: (line: string) => void,
  capture?: CaptureScreen,
  /** The screens other hosts of the cluster announce (none without --cluster). */
  elsewhere: () => readonly string[] = () => [],
): Hono {
  const app = new Hono();
  const failures = journalFailures(log);
  const beats = new RateLimit(limits.beatBurst, limits.beatsPerSecond);
  let listFullTold = false;

  // Screens have no token: a heartbeat is rate-limited per address (before its body is read),
  // validated (every field's length bounded by the protocol's schema), stored without headers,
  // and answered with the revision.
  app.post(ROUTES.heartbeat, async (c) => {
    const address = clientAddress(c);
    const wait = limitsApply(limits, address) ? beats.take(address) : 0;
    if (wait > 0)
      return refuseFor(c, 429, wait, `too many heartbeats from ${address}: a screen sends one every 15 s`);
    const body = await readBody(c, Heartbeat, 'the heartbeat');
    if (!body.ok) return body.response;
    const refused = screens.beat(body.value, address === 'unknown' ? undefined : address);
    if (refused?.reason === 'name-taken')
      return refuse(
        c,
        409,
        `the screen name "${refused.screen}" belongs to another screen (bound to the secret it keeps): ` +
          'give this one another name (?screen=NAME), or forget that screen in the admin',
        [{ path: 'screen', message: 'is taken by another screen' }],
      );
    if (refused?.reason === 'address-full')
      return refuse(
        c,
        429,
        `${address} already reports ${refused.limit} screens, the most one address may: this screen is not listed`,
      );
    if (refused?.reason === 'list-full') {
      if (!listFullTold)
        log(
          `screens: the registry is full (${refused.limit} screens, each beating or managed by staff); new screens are not listed until one is forgotten or goes silent`,
        );
      listFullTold = true;
      return refuseFor(
        c,
        503,
        30,
        `the screen registry is full (${refused.limit} screens): this screen is not listed until staff ` +
          'forget one in the admin (Screens), or one nobody assigned goes silent; the cap is `serve --max-screens N`',
      );
    }
    if (screens.size < limits.maxScreens) listFullTold = false;
    return c.json({ ok: true, revision: state.revision });
  });

  const admin = requireToken(auth);
  app.get(ROUTES.screens, admin, (c) => {
    // The cap, and whether it is reached, for the admin to say so.
    c.header('X-Registry-Cap', String(screens.maxScreens));
    return c.json(screens.list(state.revision));
  });

  app.get(SCREEN_ROUTES.registry, admin, (c) => c.json(screens.info(state.revision)));

  app.post(SCREEN_ROUTES.assign, admin, async (c) => {
    const body = await readBody(c, AssignInput, 'the assignment');
    if (!body.ok) return body.response;
    const { screen, assignment, group } = body.value;
    const room = assignment?.room;
    if (room !== undefined && !state.base.rooms.some((r) => r.id === room))
      return refuse(c, 400, `the assignment is not valid: unknown room "${room}"`, [
        { path: 'assignment.room', message: `no room "${room}" in the program` },
      ]);
    const location = assignment?.location;
    if (location !== undefined) {
      const known = Object.keys(state.settings.current().settings.locations);
      if (!known.includes(location))
        return refuse(
          c,
          400,
          `the assignment is not valid: unknown location "${location}": ` +
            (known.length
              ? `name one of the settings' locations (${known.map((l) => `"${l}"`).join(', ')}), or add it there first`
              : 'the settings have no locations yet: add it there first'),
          [{ path: 'assignment.location', message: `no location "${location}" in the settings` }],
        );
    }
    // Only a screen listed here: the answer is its row as this host lists it.
    if (screens.infoOf(screen, state.revision) === null) return unknownScreen(c, screen);
    try {
      await state.writeScreens({
        action: 'assign',
        screens: [screen],
        ...(assignment !== undefined ? { assignment } : {}),
        ...(group !== undefined ? { group } : {}),
      });
      failures.written();
    } catch (e) {
      return failures.answer(c, e);
    }
    const info = screens.infoOf(screen, state.revision);
    return info ? c.json(info) : unknownScreen(c, screen);
  });

  app.post(SCREEN_ROUTES.command, admin, async (c) => {
    const body = await readBody(c, CommandInput, 'the command');
    if (!body.ok) return body.response;
    const { command, ...target } = body.value;
    // Journalled, so the screens that beat another host of the cluster hear it from theirs.
    const hit = screens.resolve(target, elsewhere());
    if (hit.length === 0)
      return refuse(c, 404, `no screen matches (${describeTarget(target)}): nothing to ${command}`);
    if (hit.length > MAX_SCREENS_PER_ENTRY)
      return refuse(
        c,
        400,
        `${describeTarget(target)} names ${hit.length} screens, more than one command may reach (${MAX_SCREENS_PER_ENTRY}): send it by group`,
      );
    try {
      await state.writeScreens({ action: command, screens: hit });
      failures.written();
    } catch (e) {
      return failures.answer(c, e);
    }
    log(`screens: ${command} ${hit.length === 1 ? hit[0] : `${hit.length} screens`} (staff)`);
    return c.json({ screens: hit });
  });

  app.post(SCREEN_ROUTES.dismiss, admin, async (c) => {
    const body = await readBody(c, DismissInput, 'the dismissal');
    if (!body.ok) return body.response;
    const { screen, ...alarm } = body.value;
    return screens.dismiss(screen, alarm) ? c.json({ ok: true }) : unknownScreen(c, screen);
  });

  app.post(SCREEN_ROUTES.forget, admin, async (c) => {
    const body = await readBody(c, ForgetInput, 'the screen to forget');
    if (!body.ok) return body.response;
    const { screen } = body.value;
    if (!screens.knows(screen) && !elsewhere().includes(screen)) return unknownScreen(c, screen);
    try {
      await state.writeScreens({ action: 'forget', screens: [screen] });
      failures.written();
    } catch (e) {
      return failures.answer(c, e);
    }
    return c.json({ ok: true });
  });

  app.get(SCREEN_ROUTES.capture, admin, async (c) => {
    const name = ScreenName.safeParse(c.req.query('screen') ?? '');
    if (!name.success) return refuse(c, 400, 'give the screen to capture: ?screen=NAME');
    const png = capture ? await capture(name.data) : null;
    if (!png)
      return refuse(
        c,
        404,
        `"${name.data}" is no Electron window of this host: only those can be captured (the thumbnail shows what it reports)`,
      );
    return c.body(png as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'image/png',
      'Cache-Control': 'no-store',
    });
  });

  return app;
}

const unknownScreen = (c: Parameters<typeof refuse>[0], screen: string) =>
  refuse(c, 404, `no screen "${screen}" in the registry (it has to beat once first)`, [
    { path: 'screen', message: 'is not in the registry' },
  ]);

function describeTarget(t: { screens?: string[]; group?: string; all?: true }): string {
  if (t.all) return 'all screens';
  if (t.group !== undefined) return `group "${t.group}"`;
  return `screens ${(t.screens ?? []).map((s) => `"${s}"`).join(', ')}`;
}
