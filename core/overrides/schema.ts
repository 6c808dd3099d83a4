import { z } from 'zod';
import { Id, IsoInstant, Person } from '../program/schema.js';
import { Settings } from '../settings/schema.js';
import { Assignment, GroupName, ScreenName } from '../protocol/screens.js';

/** What staff can change on the day. Each accepted one is an entry of the append-only journal. */
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const note = z.string().trim().max(500, 'must be at most 500 characters').optional();

export const OverrideInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('cancel'),
    session: Id.optional(),
    talk: Id.optional(),
    note,
  }),
  z.strictObject({
    kind: z.literal('delay'),
    session: Id,
    minutes: z
      .number()
      .int('must be whole minutes')
      .min(-720, 'must be at least -720')
      .max(720, 'must be at most 720')
      .refine((m) => m !== 0, 'must not be 0'),
    cascade: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('move'), session: Id, room: Id, force: z.boolean().optional() }),
  z.strictObject({
    kind: z.literal('edit'),
    session: Id.optional(),
    talk: Id.optional(),
    title: text(2_000).optional(),
    speakers: z.array(Person).max(100).optional(),
    note,
  }),
  z.strictObject({ kind: z.literal('now-speaking'), session: Id, talk: Id }),
  z.strictObject({
    kind: z.literal('announce'),
    text: text(1_000),
    rooms: z.array(Id).min(1, 'must name at least one room, or be left out for all screens').optional(),
    from: IsoInstant.optional(),
    until: IsoInstant.optional(),
  }),
  z.strictObject({ kind: z.literal('alert'), text: text(1_000) }),
  z.strictObject({
    kind: z.literal('room-status'),
    room: Id,
    /** open clears it; filling and full show on the room's screen and the lobby. */
    status: z.enum(['open', 'filling', 'full'], { error: 'must be "open", "filling" or "full"' }),
    /** Default: the end of the room's session on (else the next one) when it was said. */
    until: IsoInstant.optional(),
  }),
]);
export type OverrideInput = z.infer<typeof OverrideInput>;
export type OverrideKind = OverrideInput['kind'];

/** Cross-field rules a discriminated union cannot carry; each names the field it is about. */
export function overrideProblems(o: OverrideInput): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (o.kind === 'cancel' || o.kind === 'edit') {
    if ((o.session === undefined) === (o.talk === undefined))
      out.push({ path: 'session', message: `${o.kind} needs exactly one of "session" or "talk"` });
  }
  if (o.kind === 'edit' && o.title === undefined && o.speakers === undefined && o.note === undefined)
    out.push({ path: 'title', message: 'edit needs at least one of "title", "speakers" or "note"' });
  if (o.kind === 'announce' && o.from && o.until && Date.parse(o.until) <= Date.parse(o.from))
    out.push({ path: 'until', message: `must be after from (${o.until} ≤ ${o.from})` });
  return out;
}

/** The simulated or real clock of the host. Rate 0 holds it still. */
export const ClockState = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('real') }),
  z.strictObject({
    mode: z.literal('simulated'),
    /** Host's real time (epoch ms) when the simulated time was set. */
    anchorReal: z.number(),
    /** The simulated instant at anchorReal (epoch ms). */
    anchorSim: z.number(),
    rate: z.number().min(0).max(100_000),
  }),
]);
export type ClockState = z.infer<typeof ClockState>;

/** Screens one staff entry may name: four hosts' full registries (500 each), well inside a NATS message. */
export const MAX_SCREENS_PER_ENTRY = 2_000;

/** A journal entry: every change the host accepted, numbered by revision (1, 2, 3, ...). */
export const JournalEntry = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('override'),
    revision: z.number().int().positive(),
    /** Host clock when it was accepted (simulated time when the clock is simulated). */
    at: IsoInstant,
    override: OverrideInput,
  }),
  z.strictObject({
    type: z.literal('revert'),
    revision: z.number().int().positive(),
    at: IsoInstant,
    /** Revision of the override this undoes. */
    target: z.number().int().positive(),
  }),
  z.strictObject({
    type: z.literal('clock'),
    revision: z.number().int().positive(),
    at: IsoInstant,
    clock: ClockState,
  }),
  z.strictObject({
    type: z.literal('program'),
    revision: z.number().int().positive(),
    at: IsoInstant,
    /** Where this version came from: the followed URL or file, or the uploaded file's name. */
    source: z.string().min(1).max(2_000),
    /** sha256 (hex) of the program, stored as programs/<hash>.json in the data dir, not in the line. */
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex'),
    /** What changed from the version before ("3 sessions moved, 1 new, 2 retitled"). */
    summary: z.string().max(2_000),
  }),
  z.strictObject({
    type: z.literal('settings'),
    revision: z.number().int().positive(),
    at: IsoInstant,
    /** The whole settings document now in force (images by hash): the last such entry wins. */
    settings: Settings,
  }),
  z.strictObject({
    type: z.literal('screen'),
    revision: z.number().int().positive(),
    at: IsoInstant,
    /**
     * What staff did to screens of the registry, journalled so every host of a cluster holds it
     * (a screen that moves to another host keeps its assignment). `assign` sets what is given of
     * `assignment` and `group` (null clears it); `reload` and `identify` ask the screens named;
     * `forget` drops them. Each is a setting, never an increment, so replaying it twice changes
     * nothing: a screen's reload count is the revision of the last reload asked of it.
     */
    action: z.enum(['assign', 'reload', 'identify', 'forget']),
    screens: z.array(ScreenName).min(1).max(MAX_SCREENS_PER_ENTRY),
    assignment: Assignment.nullable().optional(),
    group: GroupName.nullable().optional(),
  }),
]);
export type JournalEntry = z.infer<typeof JournalEntry>;
export type OverrideEntry = Extract<JournalEntry, { type: 'override' }>;
export type RevertEntry = Extract<JournalEntry, { type: 'revert' }>;
export type ProgramEntry = Extract<JournalEntry, { type: 'program' }>;
export type SettingsEntry = Extract<JournalEntry, { type: 'settings' }>;
export type ScreenEntry = Extract<JournalEntry, { type: 'screen' }>;

/**
 * An override a new program version left behind: `gone` when its target is not in the version
 * (kept in the journal, not applied), `review` when the version itself retimed or moved the
 * session a delay or move is about. `text` says what it was, in the version it was made against.
 */
export const OverrideReview = z.object({
  revision: z.number().int().positive(),
  kind: z.enum(['cancel', 'delay', 'move', 'edit', 'now-speaking', 'announce', 'alert', 'room-status']),
  status: z.enum(['gone', 'review']),
  text: z.string(),
});
export type OverrideReview = z.infer<typeof OverrideReview>;
