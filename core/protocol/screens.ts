import { z } from 'zod';
import { Id } from '../program/schema.js';
import { LocationName } from '../settings/rooms.js';

export * from './screens-wire.js';

/**
 * The screen registry (issue 15): what a screen reports, what the host assigns it, and the
 * commands staff send it. Re-exported by core/protocol/index.ts.
 */

export const PageKind = z.enum(['room', 'lobby', 'admin']);
export type PageKind = z.infer<typeof PageKind>;

export const ScreenName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

export const LanguageTag = z
  .string()
  .max(35, 'must be at most 35 characters')
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as "de" or "pt-BR"');

export const GroupName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters');

/** Why the page was last (re)loaded: first start, its own watchdog, staff, the shell after a crash, other. */
export const ReloadReason = z.enum(['start', 'watchdog', 'staff', 'crash', 'other']);
export type ReloadReason = z.infer<typeof ReloadReason>;

const short = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const Heartbeat = z.strictObject({
  screen: ScreenName,
  page: PageKind,
  /** The room shown; a room page without one is a screen not assigned yet. */
  room: Id.optional(),
  revision: z.number().int().min(0),
  /** The screen serves from its cache because it cannot reach the host's stream. */
  offline: z.boolean().optional(),
  /** Made once by the screen and kept: the first beat binds the name to it (never listed). */
  secret: z.string().min(16, 'must be at least 16 characters').max(128).optional(),
  lang: LanguageTag.optional(),
  viewport: z
    .strictObject({
      width: z.number().int().min(0).max(100_000),
      height: z.number().int().min(0).max(100_000),
    })
    .optional(),
  /** "Chromium 156", "Firefox 153", "WebKit 605", "Electron 38". */
  engine: short(80).optional(),
  /** Hallway's version. */
  hallway: short(40).optional(),
  /** Since this page load (the screen's own monotonic time). */
  uptimeMs: z.number().int().min(0).optional(),
  /** Made at each page load: a new one counts a reload. */
  boot: short(64).optional(),
  reason: ReloadReason.optional(),
  /** The slide on screen (for the admin's thumbnail). */
  slide: short(40).optional(),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

/**
 * What a screen shows, as staff set it. A room page needs its room. `location` is where the
 * screen stands (a name of the settings' `locations`): its "how to get there" wins over the URL's
 * `?location=`.
 */
export const Assignment = z
  .strictObject({
    page: z.enum(['room', 'lobby']),
    room: Id.optional(),
    lang: LanguageTag.optional(),
    location: LocationName.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.page === 'room' && a.room === undefined)
      ctx.addIssue({ code: 'custom', path: ['room'], message: 'a room page needs a room' });
    if (a.page !== 'room' && a.room !== undefined)
      ctx.addIssue({ code: 'custom', path: ['room'], message: 'only a room page takes a room' });
  });
export type Assignment = z.infer<typeof Assignment>;

export const AlarmKind = z.enum(['silent', 'behind']);
export type AlarmKind = z.infer<typeof AlarmKind>;

/** Raised until the screen recovers or staff dismiss it; `since` is host real time (ms). */
export const Alarm = z.object({ kind: AlarmKind, since: z.number() });
export type Alarm = z.infer<typeof Alarm>;

/** One screen of the registry, as GET /api/screens lists it (its last report, and the host's). */
export const ScreenInfo = Heartbeat.omit({ secret: true }).extend({
  /** Host real time (ms) of its last beat. */
  lastSeen: z.number(),
  firstSeen: z.number(),
  /** Silent for more than SCREEN_SILENT_MS. */
  stale: z.boolean(),
  address: z.string().optional(),
  /** Page loads seen after its first (any reason). */
  reloads: z.number().int().min(0),
  lastReload: z.object({ at: z.number(), why: ReloadReason }).optional(),
  assignment: Assignment.nullable(),
  group: GroupName.nullable(),
  alarm: Alarm.nullable(),
  /** Its name is bound to the secret it keeps. */
  bound: z.boolean(),
});
export type ScreenInfo = z.infer<typeof ScreenInfo>;

/** A screen whose beat the registry refused for a cap: its own total, or the bound per address. */
export const RegistryRefusal = z.object({
  screen: z.string(),
  reason: z.enum(['list-full', 'address-full']),
  address: z.string().optional(),
  /** Host real time (ms) of its last refused beat. */
  at: z.number(),
});
export type RegistryRefusal = z.infer<typeof RegistryRefusal>;

/** GET /api/screens/registry: the list, and how full the registry is (the admin says so when it is). */
export const RegistryInfo = z.object({
  screens: z.array(ScreenInfo),
  /** Screens the registry holds at most (HostLimits.maxScreens, `serve --max-screens`). */
  cap: z.number().int().min(0),
  /** Screens one client address may report (HostLimits.maxScreensPerAddress). */
  perAddress: z.number().int().min(0),
  /** Listed screens that are silent and that staff never assigned nor grouped: a new screen takes the place of one. */
  replaceable: z.number().int().min(0),
  /** Screens refused within REFUSED_SHOWN_MS, newest first (at most 100). */
  refused: z.array(RegistryRefusal),
});
export type RegistryInfo = z.infer<typeof RegistryInfo>;

export const AssignInput = z.strictObject({
  screen: ScreenName,
  /** null: back to what its URL (or display config) says. */
  assignment: Assignment.nullable().optional(),
  group: GroupName.nullable().optional(),
});
export type AssignInput = z.infer<typeof AssignInput>;

export const CommandInput = z
  .strictObject({
    command: z.enum(['identify', 'reload']),
    screens: z.array(ScreenName).min(1).max(1_000).optional(),
    group: GroupName.optional(),
    all: z.literal(true).optional(),
  })
  .refine((c) => [c.screens, c.group, c.all].filter((x) => x !== undefined).length === 1, {
    message: 'name exactly one of screens, group or all',
    path: ['screens'],
  });
export type CommandInput = z.infer<typeof CommandInput>;

export const CommandAccepted = z.object({ screens: z.array(z.string()) });

export const DismissInput = z.strictObject({ screen: ScreenName, kind: AlarmKind, since: z.number() });
export type DismissInput = z.infer<typeof DismissInput>;

export const ForgetInput = z.strictObject({ screen: ScreenName });

/** The host's word to one screen, over its event stream: on connecting and on every change. */
export const ScreenDirective = z.object({
  screen: z.string(),
  assignment: Assignment.nullable(),
  /** Show the name and id for this many ms from now (0: not identifying). */
  identifyMs: z.number().min(0),
  /** Staff reloads asked for this screen so far: a number above the one it last saw means reload now. */
  reload: z.number().int().min(0),
});
export type ScreenDirective = z.infer<typeof ScreenDirective>;
