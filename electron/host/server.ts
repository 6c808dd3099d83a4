import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { programRoutes } from './api/program.js';
import { clusterRoutes } from './api/cluster.js';
import { readRoutes } from './api/read.js';
import { type CaptureScreen, screenRoutes } from './api/screens.js';
import { settingsRoutes } from './api/settings.js';
import { imageRoutes } from './api/images.js';
import type { ImageStore } from './images.js';
import { writeRoutes } from './api/write.js';
import { clusterCors, otherOrigins } from './cluster/cross-origin.js';
import type { ClusterPeers } from './cluster/peers.js';
import type { Follower } from './follow.js';
import { AuthGuard } from './auth.js';
import { hostCheck, httpsOnlyOffLoopback } from './host-check.js';
import { type HostLimits, hostLimits } from './limits.js';
import type { ScreenRegistry } from './screens.js';
import { type EventStreams, eventStreams } from './sse.js';
import type { HostState } from './state.js';
import { ROUTES } from '../../core/protocol/index.js';
import { securityHeaders, securityHeadersWith, staticRoutes } from './static.js';

export interface AppOptions {
  state: HostState;
  screens: ScreenRegistry;
  token: () => string;
  rendererDir: string;
  log: (line: string) => void;
  keepaliveMs?: number;
  limits?: Partial<HostLimits>;
  /** Names the machine has on the venue network besides its addresses (--host-name). */
  hostNames?: readonly string[];
  /** The HTTPS port plain-HTTP clients off this machine are sent to (null: no HTTPS). */
  httpsPort?: () => number | null;
  /** Log a line per request (`request: GET /api/snapshot 200`): HALLWAY_REQUEST_LOG=1. */
  requestLog?: boolean;
  /** Follows a published schedule; without one the program routes are absent. */
  follower?: Follower;
  /** The Electron shell's capture of its windows. */
  capture?: CaptureScreen;
  /** The cluster's hosts, with --cluster (null until it runs). */
  cluster?: () => ClusterPeers | null;
  /** The uploaded images (logo, slides); without one the image routes are absent. */
  images?: ImageStore;
}

/** The host's whole HTTP surface: API, event stream, renderer pages. */
export function createApp(o: AppOptions): { app: Hono; streams: EventStreams } {
  const app = new Hono();
  const limits = hostLimits(o.limits);
  const auth = { token: o.token, guard: new AuthGuard(limits, o.log) };
  const streams = eventStreams(o.state, limits, o.log, o.keepaliveMs, o.screens);
  if (o.requestLog)
    app.use('*', async (c, next) => {
      // Logged when the answer starts, so an event stream shows when it opened.
      await next();
      o.log(
        `request: ${c.req.method} ${c.req.path}${c.req.query('since') ? `?since=${c.req.query('since')}` : ''} ${c.res.status}`,
      );
    });
  const cluster = o.cluster ?? (() => null);
  // The cluster's other hosts: a screen moves to one of them when its own goes away.
  const others = () => {
    const peers = cluster();
    return peers
      ? otherOrigins(
          peers.hosts().map((h) => h.url),
          peers.self,
        )
      : [];
  };
  app.use('*', o.cluster ? securityHeadersWith(others) : securityHeaders);
  app.use('*', hostCheck(o.hostNames ?? []));
  if (o.cluster) app.use('/api/*', clusterCors(others));
  app.use('*', httpsOnlyOffLoopback(o.httpsPort ?? (() => null)));
  // A 35C3 snapshot is ~940 KB of JSON (~310 KB gzipped) and the bundles compress 3–4×: gzip them.
  // Never the event stream: a compressor buffers, and events must reach screens at once.
  app.use(ROUTES.snapshot, compress());
  app.use('/assets/*', compress());
  app.route(
    '/',
    readRoutes(
      o.state,
      () =>
        cluster()
          ?.hosts()
          .map((h) => h.url) ?? null,
    ),
  );
  app.route('/', clusterRoutes(cluster, auth));
  app.route('/', writeRoutes(o.state, auth, o.log));
  // The screens other hosts announce: a command names them too, and their hosts reach them.
  const elsewhere = () =>
    cluster()
      ?.hosts()
      .filter((h) => h.url !== cluster()?.self)
      .flatMap((h) => h.screens) ?? [];
  app.route('/', screenRoutes(o.state, o.screens, auth, limits, o.log, o.capture, elsewhere));
  app.route('/', settingsRoutes(o.state, auth, o.log));
  if (o.images) app.route('/', imageRoutes(o.images, auth, o.log));
  if (o.follower) app.route('/', programRoutes(o.follower, auth));
  app.route('/', streams.routes);
  app.route('/', staticRoutes(o.rendererDir));
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: `no such API route: ${c.req.method} ${c.req.path}`, problems: [] }, 404)
      : c.text(`Not found: ${c.req.path}. Screens are at /room/<room id>, /lobby and /admin.\n`, 404),
  );
  app.onError((e, c) => {
    o.log(`host: ${c.req.method} ${c.req.path} failed: ${e.stack ?? e.message}`);
    return c.json({ error: `the host failed to answer: ${e.message}`, problems: [] }, 500);
  });
  return { app, streams };
}
