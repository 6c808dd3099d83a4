import { z } from 'zod';
import { Colour } from '../settings/colour.js';

/**
 * The program format Hallway stores and serves. Times are ISO 8601 with their offset written out
 * (`2019-05-20T10:30:00-07:00`): an instant plus how the venue wrote it, so nothing depends on
 * the machine's zone.
 */
export const PROGRAM_FORMAT = 'hallway-program';
export const PROGRAM_VERSION = 1;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
export const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be letters, digits, ".", "_", ":" or "-"');

/** ISO 8601 date-time that carries its own offset (Z or ±hh:mm). */
export const IsoInstant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    'must be an ISO date-time with its offset, like 2019-05-20T10:30:00-07:00',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date-time');

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2019-05-20');

export const Person = z.object({
  name: nonEmpty.max(500),
  affiliation: z.string().max(500).optional(),
  /** "Session Chair", "Program Co-Chair", "Moderator", "Director, AI SRE, LinkedIn"... */
  role: z.string().max(500).optional(),
  bio: z.string().max(20_000).optional(),
});
export type Person = z.infer<typeof Person>;

export const TalkKind = z.enum(['talk', 'keynote', 'panel', 'tutorial', 'workshop', 'lightning', 'other']);
export type TalkKind = z.infer<typeof TalkKind>;

export const Talk = z.object({
  id: Id,
  title: nonEmpty.max(2_000),
  kind: TalkKind.default('talk'),
  speakers: z.array(Person).default([]),
  /** Panels: the lead/moderator and the panelists (speakers stays the people on stage in order). */
  moderator: Person.optional(),
  panelists: z.array(Person).optional(),
  abstract: z.string().max(100_000).optional(),
  prerequisites: z.string().max(20_000).optional(),
  /** The seed's "Available Media": slides/paper/video published. */
  media: z.boolean().default(false),
  url: z.string().max(2_000).optional(),
  /** Only when the source gives the talk its own time (imported single events never need it). */
  start: IsoInstant.optional(),
  end: IsoInstant.optional(),
  // Set by applyOverrides, never stored in a program file.
  cancelled: z.object({ note: z.string().optional() }).optional(),
  note: z.string().optional(),
});
export type Talk = z.infer<typeof Talk>;

export const SessionKind = z.enum([
  'meal',
  'plenary',
  'keynote',
  'talks',
  'talk',
  'panel',
  'tutorial',
  'workshop',
  'break',
  'social',
  'other',
]);
export type SessionKind = z.infer<typeof SessionKind>;

/** everyone: the whole conference is invited (breakfast, keynote, breaks); room: one room's session. */
export const Audience = z.enum(['everyone', 'room']);

/** How full a room is, as staff said (override `room-status`), and until when. */
export const RoomStatus = z.object({
  status: z.enum(['filling', 'full']),
  /** Shown until then (default: the end of the room's session on when it was said). */
  until: IsoInstant,
  since: IsoInstant,
});
export type RoomStatus = z.infer<typeof RoomStatus>;

export const Room = z.object({
  id: Id,
  name: nonEmpty.max(500),
  // Set by applyOverrides, never stored in a program file.
  status: RoomStatus.optional(),
});
export type Room = z.infer<typeof Room>;

export const Session = z.object({
  id: Id,
  /** The session's own title, or what the program calls the slot ("Keynote Address"). */
  title: nonEmpty.max(2_000),
  subtitle: z.string().max(2_000).optional(),
  kind: SessionKind,
  audience: Audience,
  start: IsoInstant,
  end: IsoInstant,
  /** null: the program names no room (venue-wide items such as breakfast or the breaks). */
  room: Id.nullable(),
  track: z.string().max(500).optional(),
  chairs: z.array(Person).default([]),
  sponsors: z.array(z.string().max(500)).default([]),
  /** Talks of a block in program order; a single imported event has none of its own. */
  talks: z.array(Talk).default([]),
  speakers: z.array(Person).default([]),
  abstract: z.string().max(100_000).optional(),
  language: z.string().max(100).optional(),
  /** Source type as published (frab `type`), kept for export. */
  type: z.string().max(200).optional(),
  url: z.string().max(2_000).optional(),
  guid: z.string().max(200).optional(),
  // Set by applyOverrides, never stored in a program file.
  cancelled: z.object({ note: z.string().optional() }).optional(),
  note: z.string().optional(),
  /** Minutes this session runs late (negative: early); start/end already include it. */
  delayMinutes: z.number().optional(),
  /** Where and when the printed program had it, when an override changed either. */
  original: z.object({ start: IsoInstant, end: IsoInstant, room: Id.nullable() }).optional(),
  /** The talk staff said is on now, and since when (host time). */
  nowSpeaking: z.object({ talk: Id, since: IsoInstant }).optional(),
});
export type Session = z.infer<typeof Session>;

export const Conference = z.object({
  id: Id,
  /** Short name shown on screens: "OpML '19". */
  name: nonEmpty.max(500),
  fullName: z.string().max(1_000).optional(),
  organizer: z.string().max(500).optional(),
  venue: z.string().max(1_000).optional(),
  url: z.string().max(2_000).optional(),
  /** IANA zone of the venue: every time on every screen is shown in it. */
  timeZone: nonEmpty,
  start: IsoDate,
  end: IsoDate,
});
export type Conference = z.infer<typeof Conference>;

/**
 * A track's colour as the schedule gives it (c3voc/pretalx `conference.tracks`, frab `<track
 * color>`): what screens show when staff set none (settings `tracks` win).
 */
export const TrackColour = z.object({ name: nonEmpty.max(500), colour: Colour });
export type TrackColour = z.infer<typeof TrackColour>;

export const Announcement = z.object({
  id: z.number().int(),
  text: z.string(),
  rooms: z.array(Id).optional(),
  from: IsoInstant.optional(),
  until: IsoInstant.optional(),
});
export type Announcement = z.infer<typeof Announcement>;

export const Alert = z.object({ id: z.number().int(), text: z.string() });
export type Alert = z.infer<typeof Alert>;

export const ProgramShape = z.object({
  format: z.literal(PROGRAM_FORMAT),
  version: z.literal(PROGRAM_VERSION),
  conference: Conference,
  rooms: z.array(Room),
  sessions: z.array(Session),
  /** The schedule's own track colours; absent when it has none (iCalendar, Sessionize, OpML). */
  tracks: z.array(TrackColour).optional(),
  // Filled by applyOverrides; a stored program leaves them empty.
  announcements: z.array(Announcement).default([]),
  alerts: z.array(Alert).default([]),
});
/** The effective program: the stored one with overrides applied (what screens use and the snapshot serves). */
export type Program = z.infer<typeof ProgramShape>;
export type ProgramInput = z.input<typeof ProgramShape>;

/** Fields only overrides set: on sessions, on talks, and the program's own lists. */
export const EFFECTIVE_ONLY = {
  session: ['cancelled', 'note', 'delayMinutes', 'original', 'nowSpeaking'],
  talk: ['cancelled', 'note'],
  room: ['status'],
  program: ['announcements', 'alerts'],
} as const;

const StoredTalk = Talk.omit({ cancelled: true, note: true });
const StoredSession = Session.omit({
  cancelled: true,
  note: true,
  delayMinutes: true,
  original: true,
  nowSpeaking: true,
}).extend({ talks: z.array(StoredTalk).default([]) });

/**
 * A program as files hold it and importers produce it: no field only overrides may set (parseProgram
 * refuses a file that has them, naming each). `applyOverrides` turns it into a `Program`.
 */
export const StoredProgramShape = ProgramShape.omit({ announcements: true, alerts: true }).extend({
  rooms: z.array(Room.omit({ status: true })),
  sessions: z.array(StoredSession),
});
export type StoredProgram = z.infer<typeof StoredProgramShape>;
