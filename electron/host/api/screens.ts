import { Hono } from 'hono';
import { Heartbeat, ROUTES } from '../../../core/protocol/index.js';
import { limitsApply, RateLimit } from '../limits.js';
import type { ScreenRegistry } from '../screens.js';
import type { HostState } from '../state.js';
import { type AdminAuth, clientAddress, readBody, refuse, refuseFor, requireToken } from './http.js';

export interface BeatLimits {
  beatBurst: number;
  beatsPerSecond: number;
  maxScreens: number;
  limitLoopback: boolean;
}

export function screenRoutes(
  state: HostState,
  screens: ScreenRegistry,
  auth: AdminAuth,
  limits: BeatLimits,
  log: (line: string) => void,
): Hono {
  const app = new Hono();
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
    if (refused?.reason === 'address-full')
      return refuse(
        c,
        429,
        `${address} already reports ${refused.limit} screens, the most one address may: this screen is not listed`,
      );
    if (refused?.reason === 'list-full') {
      if (!listFullTold)
        log(
          `screens: the screen list is full (${refused.limit} screens that still beat); new screens are not listed`,
        );
      listFullTold = true;
      return refuseFor(
        c,
        503,
        30,
        `the screen list is full (${refused.limit} screens): this screen is not listed until one goes silent`,
      );
    }
    if (screens.size < limits.maxScreens) listFullTold = false;
    return c.json({ ok: true, revision: state.revision });
  });

  app.get(ROUTES.screens, requireToken(auth), (c) => c.json(screens.list()));

  return app;
}
