import { z } from 'zod';
import { Id } from '../program/schema.js';
import { Loop, unknownCustomSlides } from './loop.js';
import { LanguageChoiceSchema } from '../protocol/language.js';
import { Location, LocationName, RoomDetails, TrackColours } from './rooms.js';
import { CustomSlides } from './slides.js';
import { Theme } from './theme.js';

/**
 * The screens' settings: one document, edited in the admin, kept by the host, sent to every
 * screen as a journal entry. Every part defaults, so `{}` is today's look. `version` is for
 * migrations (migrateSettings); a document from a newer Hallway is refused, not guessed at.
 */
export const SETTINGS_VERSION = 1;

export const Settings = z
  .strictObject({
    version: z
      .literal(SETTINGS_VERSION, { error: `must be ${SETTINGS_VERSION} (this Hallway's settings version)` })
      .default(SETTINGS_VERSION),
    theme: Theme.default(() => Theme.parse({})),
    tracks: TrackColours.default({}),
    rooms: z.record(Id, RoomDetails).default({}),
    locations: z.record(LocationName, Location).default({}),
    /** Which slides each screen shows, in order, for how long (core/settings/loop.ts). */
    loop: Loop.default(() => Loop.parse({})),
    /** Staff's own slides: text, images, QR codes, each with a schedule (core/settings/slides.ts). */
    slides: CustomSlides.default([]),
    /** The screens' language; `secondary` makes them bilingual (each slide in both, in turn). */
    language: LanguageChoiceSchema.default({ primary: 'en' }),
  })
  .superRefine((s, ctx) => {
    for (const p of unknownCustomSlides(s.loop, new Set(s.slides.map((c) => c.id))))
      ctx.addIssue({ code: 'custom', ...p });
  });
export type Settings = z.infer<typeof Settings>;
/** What a file or PUT may hold: any part left out takes its default. */
export type SettingsInput = z.input<typeof Settings>;

export { DEFAULT_SETTINGS } from './defaults.js';
