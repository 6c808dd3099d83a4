import type { MiddlewareHandler } from 'hono';
import { ROUTES } from '../../../core/protocol/index.js';

/** What a screen reads and sends: the only routes another host's page may call (never the admin's). */
const SCREEN_ROUTES = new Set<string>([
  ROUTES.snapshot,
  ROUTES.day,
  ROUTES.events,
  ROUTES.heartbeat,
  ROUTES.health,
]);

/** The origins of the cluster's other hosts (their announced URLs). */
export const otherOrigins = (urls: readonly string[], self: string): string[] =>
  urls.flatMap((u) => {
    try {
      const origin = new URL(u).origin;
      return origin === new URL(self).origin ? [] : [origin];
    } catch {
      return [];
    }
  });

/**
 * A page loaded from one host of the cluster streams from another when its own goes away: the
 * screen routes answer the cluster's own origins (CORS), and nobody else's. No credentials: the
 * screen routes need none.
 */
export function clusterCors(origins: () => readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && SCREEN_ROUTES.has(c.req.path) && origins().includes(origin);
    if (allowed && c.req.method === 'OPTIONS')
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'content-type, last-event-id',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    // Set before the route runs: the event stream writes its own head and takes these from here.
    if (allowed) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
    }
    await next();
  };
}

/** The CORS headers the middleware set on `c` (for an answer written without Hono's response). */
export function corsHeadersOf(c: { res: Response }): Record<string, string> {
  const out: Record<string, string> = {};
  c.res.headers.forEach((value, name) => {
    if (name.startsWith('access-control-') || name === 'vary') out[name] = value;
  });
  return out;
}
