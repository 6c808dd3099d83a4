import { z } from 'zod';
import { Id, IsoInstant, ProgramShape, Room } from '../program/schema.js';
import { ClockState, JournalEntry, OverrideInput, OverrideReview } from '../overrides/schema.js';
import type { ProgramDiff } from '../program/diff.js';
import type { PageKind } from './screens.js';

export * from './screens.js';
import { Settings } from '../settings/schema.js';

/**
 * The one protocol between the host and every screen (Electron window or plain browser).
 * Host and renderer both import this module; nothing here is written twice elsewhere.
 */

export * from './wire.js';

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
  /** Every host of a cluster (their URLs, this one first): a screen moves to another when its own goes silent. */
  hosts: z.array(z.string()).optional(),
  /**
   * Only on GET day: the program holds the sessions of this window only and `overrides` is empty.
   * The lobby's is painted, never cached nor resumed from: the full snapshot replaces it. With
   * `room` it is a room screen's whole payload (core/schedule/day.ts roomCut): cached, resumed
   * from, and fetched again at `renew` (renderer/lib/client-room.ts).
   */
  partial: z
    .object({ from: IsoInstant, until: IsoInstant, room: Id.optional(), renew: IsoInstant.optional() })
    .optional(),
  /** The screens' settings in force (absent: the defaults; read it with settingsOf). */
  settings: Settings.optional(),
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
  /** The host's PROTOCOL_VERSION: a screen of another one reloads (it trusts the payloads). */
  protocol: z.number().int().min(1),
  revision: z.number().int().min(0),
  clock: ClockInfo,
  journal: z.string().optional(),
  refetch: z.string().optional(),
});
export type HelloEvent = z.infer<typeof HelloEvent>;

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

/** One thing wrong with a request, and the field it is about (`speakers[0].name`; '' for the whole). */
export const Problem = z.object({ path: z.string(), message: z.string() });
export type Problem = z.infer<typeof Problem>;

/** Every 4xx body: what is wrong, and where. */
export const ApiError = z.object({
  error: z.string(),
  problems: z.array(Problem).default([]),
});
export type ApiError = z.infer<typeof ApiError>;

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

// ---- Following a published schedule (issue #12) ----

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex');

const SessionAt = z.object({
  id: z.string(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  room: z.string().nullable(),
});
const SessionAtWithSpeakers = SessionAt.extend({ speakers: z.array(z.string()) });

/** core/program/diff.ts's ProgramDiff, checked where it crosses the wire. */
export const ProgramDiffShape: z.ZodType<ProgramDiff> = z.object({
  sessions: z.object({
    added: z.array(SessionAt),
    removed: z.array(SessionAt),
    changed: z.array(
      z.object({
        id: z.string(),
        changes: z.array(z.enum(['retimed', 'moved', 'retitled', 'speakers'])),
        before: SessionAtWithSpeakers,
        after: SessionAtWithSpeakers,
      }),
    ),
  }),
  rooms: z.object({
    added: z.array(Room),
    removed: z.array(Room),
    renamed: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() })),
  }),
});

/** publish: each new version goes to the screens at once; hold: it waits for staff to approve. */
export const FollowMode = z.enum(['publish', 'hold']);
export type FollowMode = z.infer<typeof FollowMode>;

export const FOLLOW_EVERY_MS = { default: 120_000, min: 1_000, max: 86_400_000 } as const;

/** The import warnings kept with a fetch's result (one line can name many events). */
export const FOLLOW_MAX_WARNINGS = 50;

/** What one fetch of the source came to. Times are the host's real time (UTC). */
export const FollowResult = z.object({
  at: IsoInstant,
  outcome: z.enum(['published', 'held', 'unchanged', 'not-modified', 'failed']),
  /** "published as revision 12: 3 sessions moved", or why it failed. */
  text: z.string(),
  /** What the import assumed, one line each naming the events (as `hallway check` prints them). */
  warnings: z.array(z.string()).max(FOLLOW_MAX_WARNINGS).optional(),
});
export type FollowResult = z.infer<typeof FollowResult>;

/** A version fetched in hold mode, waiting for approval: its diff from the version in force. */
export const PendingVersion = z.object({
  hash: Hash,
  source: z.string(),
  at: IsoInstant,
  summary: z.string(),
  diff: ProgramDiffShape,
});
export type PendingVersion = z.infer<typeof PendingVersion>;

/** The follower, as kept in the store's settings (`follow`) across restarts. */
export const FollowState = z.object({
  /** The URL or file followed; `upload:<name>` for an uploaded file (nothing to refetch); null: none. */
  source: z.string().max(2_000).nullable(),
  mode: FollowMode,
  paused: z.boolean(),
  everyMs: z.number().int().min(FOLLOW_EVERY_MS.min).max(FOLLOW_EVERY_MS.max),
  /**
   * The venue's IANA zone, for a source whose times carry no offset and which names no zone
   * (Sessionize, hand-made files): as `--zone` does for `hallway import`. null: the file's own.
   */
  zone: z.string().max(100).nullable().default(null),
  /** Validators of the last good answer (ETag / Last-Modified; a file's size and mtime). */
  etag: z.string().max(1_000).optional(),
  lastModified: z.string().max(1_000).optional(),
  lastFetch: IsoInstant.nullable(),
  lastResult: FollowResult.nullable(),
  /** When fetches started failing, while they do; null once one succeeds. */
  failingSince: IsoInstant.nullable(),
  /** When the source last gave a usable schedule. */
  lastGood: IsoInstant.nullable(),
  /** The last failed fetch, kept after the source recovers so staff see what happened. */
  lastFailure: FollowResult.nullable().default(null),
  pending: PendingVersion.nullable(),
  /** A held version staff rejected: the same content is not held again. */
  rejected: Hash.optional(),
});
export type FollowState = z.infer<typeof FollowState>;

/** GET /api/program (admin): the follower, the version in force, what it left behind. */
export const ProgramInfo = z.object({
  follow: FollowState,
  fetching: z.boolean(),
  /** The version in force: its hash, and the revision of its entry (0: the program the host started with). */
  version: z.object({ hash: Hash, revision: z.number().int().min(0), source: z.string() }),
  review: z.array(OverrideReview),
});
export type ProgramInfo = z.infer<typeof ProgramInfo>;

/** POST /api/program/follow: any of these; a new source is fetched at once. */
export const FollowInput = z.strictObject({
  source: z
    .string()
    .trim()
    .max(2_000)
    .regex(/^https?:\/\/\S+$/i, 'must be an http:// or https:// URL (upload a file instead)')
    .optional(),
  mode: FollowMode.optional(),
  paused: z.boolean().optional(),
  everyMs: z
    .number()
    .int()
    .min(FOLLOW_EVERY_MS.min, `must be at least ${FOLLOW_EVERY_MS.min} ms`)
    .max(FOLLOW_EVERY_MS.max, `must be at most ${FOLLOW_EVERY_MS.max} ms`)
    .optional(),
  /** The venue zone for the source ("" for the zone the file names); the host checks it is an IANA zone. */
  zone: z.string().trim().max(100, 'must be at most 100 characters').optional(),
});
export type FollowInput = z.infer<typeof FollowInput>;

/** POST /api/program/approve and /reject: the held version staff saw (a newer one may have replaced it). */
export const PendingChoice = z.strictObject({ hash: Hash });
export type PendingChoice = z.infer<typeof PendingChoice>;

export { OverrideReview };
export * from './cluster.js';
export * from './room.js';
export * from './language.js';

export * from './settings.js';
export * from './images.js';
