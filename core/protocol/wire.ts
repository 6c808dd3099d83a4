/**
 * The part of the protocol with no schema in it: routes, page paths, event names, intervals, and
 * the URLs built from them. Room and lobby screens import values from here and only types from
 * the schemas (index.ts), so their bundles carry no zod (DESIGN.md, "Screens carry no zod").
 * Nothing here may import zod, nor a module that does.
 */

/**
 * Bumped when a payload changes so that a screen of the previous build would misread it. Screens
 * trust what their host sends (the host validated it): a hello of another version reloads the page.
 */
export const PROTOCOL_VERSION = 1;

export const ROUTES = {
  snapshot: '/api/snapshot',
  /** A snapshot cut to the day on screen (`?room=` for one room's): painted first, the full one follows. */
  day: '/api/day',
  events: '/api/events',
  nowNext: '/api/now-next',
  lobby: '/api/lobby',
  overrides: '/api/overrides',
  revert: (id: number | string) => `/api/overrides/${id}/revert`,
  revertPattern: '/api/overrides/:id/revert',
  clock: '/api/clock',
  heartbeat: '/api/screens/heartbeat',
  screens: '/api/screens',
  health: '/api/health',
  /** The followed source, the version in force, the overrides a version left behind. */
  program: '/api/program',
  programFollow: '/api/program/follow',
  programUpload: '/api/program/upload',
  programFetch: '/api/program/fetch',
  programApprove: '/api/program/approve',
  programReject: '/api/program/reject',
  settings: '/api/settings',
  images: '/api/images',
} as const;

/** Pages the host serves. Room pages take the room id; every page takes `?at=ISO` for previews. */
export const PAGES = {
  room: (roomId: string) => `/room/${encodeURIComponent(roomId)}`,
  lobby: '/lobby',
  admin: '/admin',
} as const;

/** SSE event names (the `event:` field). Each carries `id: <revision>` except heartbeats. */
export const EVENTS = {
  journal: 'journal',
  hello: 'hello',
} as const;

/** Name of the bearer-token header value prefix. */
export const BEARER = 'Bearer ';

/** The admin's view of a cluster of hosts (core/protocol/cluster.ts has its schemas). */
export const CLUSTER_ROUTE = '/api/cluster';

/** A FollowState source naming an uploaded file, not something to fetch again. */
export const UPLOAD_PREFIX = 'upload:';

export const HEARTBEAT_INTERVAL_MS = 15_000;
export const SSE_KEEPALIVE_MS = 15_000;

/** The events URL that resumes after `revision` of `journal` (null: from now on). */
export function eventsUrl(revision: number | null, journal?: string): string {
  if (revision === null) return ROUTES.events;
  const q = new URLSearchParams({ since: String(revision) });
  if (journal) q.set('journal', journal);
  return `${ROUTES.events}?${q}`;
}

/** The day-cut URL (ROUTES.day): of one room's sessions with `room`, at an instant (ISO) with `at`. */
export function dayUrl(opts: { room?: string | undefined; at?: string | undefined } = {}): string {
  const q = new URLSearchParams();
  if (opts.room) q.set('room', opts.room);
  if (opts.at) q.set('at', opts.at);
  const query = q.toString();
  return query ? `${ROUTES.day}?${query}` : ROUTES.day;
}
