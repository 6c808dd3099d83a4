import { z } from 'zod';
import { Id, IsoInstant, ProgramShape, Room } from '../program/schema.js';
import { ClockState, JournalEntry, OverrideInput } from '../overrides/schema.js';

/**
 * The one protocol between the host and every screen (Electron window or plain browser).
 * Host and renderer both import this module; nothing here is written twice elsewhere.
 */

export const ROUTES = {
  snapshot: '/api/snapshot',
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

export const HEARTBEAT_INTERVAL_MS = 15_000;
export const SSE_KEEPALIVE_MS = 15_000;

/** Clock state plus the host's real time when it answered, so screens can correct their skew. */
export const ClockInfo = z.object({
  state: ClockState,
  /** Host's real time (epoch ms) when this was sent. */
  hostReal: z.number(),
  /** Host clock instant (ISO, venue offset) when this was sent. */
  now: IsoInstant,
});
export type ClockInfo = z.infer<typeof ClockInfo>;

export const Snapshot = z.object({
  revision: z.number().int().min(0),
  /** The effective program: overrides applied, cancelled/moved items marked, not dropped. */
  program: ProgramShape,
  /** The journal (overrides, reverts, clock changes) in revision order. */
  overrides: z.array(JournalEntry),
  clock: ClockInfo,
  rooms: z.array(Room),
  /** Problems applying the journal to this program (an override naming a session it lacks). */
  problems: z.array(z.string()).default([]),
  /** Which journal the revisions count in: a screen resumes its stream only in the same one. */
  journal: z.string().optional(),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** Payload of an SSE `journal` event. */
export const JournalEvent = z.object({
  entry: JournalEntry,
  clock: ClockInfo,
});
export type JournalEvent = z.infer<typeof JournalEvent>;

/**
 * Payload of the SSE `hello` event sent on every (re)connection. A stream opened with
 * `Last-Event-ID` or `?since=N` (and `&journal=ID`, the snapshot's) then replays every entry
 * after N, unless the host cannot: then `refetch` says why, and the screen fetches the snapshot.
 */
export const HelloEvent = z.object({
  revision: z.number().int().min(0),
  clock: ClockInfo,
  journal: z.string().optional(),
  refetch: z.string().optional(),
});
export type HelloEvent = z.infer<typeof HelloEvent>;

/** The events URL that resumes after `revision` of `journal` (null: from now on). */
export function eventsUrl(revision: number | null, journal?: string): string {
  if (revision === null) return ROUTES.events;
  const q = new URLSearchParams({ since: String(revision) });
  if (journal) q.set('journal', journal);
  return `${ROUTES.events}?${q}`;
}

export { OverrideInput };

/** Body of POST revert (may be empty): `force` undoes even when that double-books a room (409 otherwise). */
export const RevertInput = z.strictObject({ force: z.boolean().optional() });
export type RevertInput = z.infer<typeof RevertInput>;

export const OverrideAccepted = z.object({ id: z.number().int(), revision: z.number().int() });
export type OverrideAccepted = z.infer<typeof OverrideAccepted>;

export const ClockInput = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('real') }),
  z.strictObject({
    action: z.literal('set'),
    // Far years would run the clock past 9999, which no ISO instant (and no stored entry) can hold.
    at: IsoInstant.refine((s) => {
      const year = Number(s.slice(0, 4));
      return year >= 1970 && year <= 9000;
    }, 'must be in the years 1970 to 9000'),
    rate: z.number().min(0, 'must be 0 or more').max(100_000, 'must be at most 100000').optional(),
  }),
  z.strictObject({
    action: z.literal('rate'),
    rate: z.number().min(0, 'must be 0 or more').max(100_000, 'must be at most 100000'),
  }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
]);
export type ClockInput = z.infer<typeof ClockInput>;

export const PageKind = z.enum(['room', 'lobby', 'admin']);
export type PageKind = z.infer<typeof PageKind>;

export const Heartbeat = z.strictObject({
  screen: z.string().trim().min(1).max(200),
  page: PageKind,
  room: Id.optional(),
  revision: z.number().int().min(0),
  /** The screen serves from its cache because it cannot reach the host's stream. */
  offline: z.boolean().optional(),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

export const ScreenInfo = Heartbeat.extend({
  lastSeen: z.number(),
  /** No heartbeat for more than 2 intervals. */
  stale: z.boolean(),
  address: z.string().optional(),
});
export type ScreenInfo = z.infer<typeof ScreenInfo>;

/** One thing wrong with a request, and the field it is about (`speakers[0].name`; '' for the whole). */
export const Problem = z.object({ path: z.string(), message: z.string() });
export type Problem = z.infer<typeof Problem>;

/** Every 4xx body: what is wrong, and where. */
export const ApiError = z.object({
  error: z.string(),
  problems: z.array(Problem).default([]),
});
export type ApiError = z.infer<typeof ApiError>;

/** Name of the bearer-token header value prefix. */
export const BEARER = 'Bearer ';

/** Who a screen is, as the Electron shell tells it (its heartbeat's `screen`, `page`, `room`). */
export interface ShellScreen {
  screen: string;
  page: PageKind;
  room?: string;
}

/**
 * What the Electron shell's preload puts on `window.hallway` (absent in a plain browser, where
 * the page takes its identity from `?screen=` and the URL). Only the admin window's has
 * `adminToken`; room and lobby windows never see the token.
 */
export interface ShellBridge {
  readonly shell: 'electron';
  readonly identity: ShellScreen;
  adminToken?: () => Promise<string | null>;
}
