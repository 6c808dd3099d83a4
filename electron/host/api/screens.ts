import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { Heartbeat, ROUTES } from '../../../core/protocol/index.js';
import type { ScreenRegistry } from '../screens.js';
import type { HostState } from '../state.js';
import { readBody, requireToken } from './http.js';

export function screenRoutes(state: HostState, screens: ScreenRegistry, token: () => string): Hono {
  const app = new Hono();

  // Screens have no token: a heartbeat is validated, stored without headers, and answered with the revision.
  app.post(ROUTES.heartbeat, async (c) => {
    const body = await readBody(c, Heartbeat, 'the heartbeat');
    if (!body.ok) return body.response;
    let address: string | undefined;
    try {
      address = getConnInfo(c).remote.address;
    } catch {
      address = undefined;
    }
    screens.beat(body.value, address);
    return c.json({ ok: true, revision: state.revision });
  });

  app.get(ROUTES.screens, requireToken(token), (c) => c.json(screens.list()));

  return app;
}
