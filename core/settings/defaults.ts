import type { Settings } from './schema.js';
import { DEFAULT_LOBBY_LOOP, DEFAULT_ROOM_LOOP } from './loop-defaults.js';

/**
 * The settings when staff set none: today's look, today's loop, English. Written out rather
 * than `Settings.parse({})` so the screens have them without zod (DESIGN.md, "Screens carry no
 * zod"); a test holds them equal to what the schema's defaults give.
 */
export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  theme: { mode: 'dark', font: 'system', logo: null },
  tracks: {},
  rooms: {},
  locations: {},
  loop: {
    room: DEFAULT_ROOM_LOOP.map((e) => ({ ...e })),
    rooms: {},
    lobby: DEFAULT_LOBBY_LOOP.map((e) => ({ ...e })),
  },
  slides: [],
  language: { primary: 'en' },
};

/** The settings a snapshot carries, or the defaults (a snapshot cached by an older Hallway). */
export function settingsOf(s: { settings?: Settings | undefined } | null | undefined): Settings {
  return s?.settings ?? DEFAULT_SETTINGS;
}
