import type { Person, SessionKind, StoredProgram } from '../program/schema.js';
import type { TrackEntry } from '../program/tracks.js';
import type { HallwayMeta, SessionExtras } from './hallway-meta.js';
import type { ImportFormat } from './registry.js';

// Readers import this file for types only, so this brings no import cycle at run time.
export { IMPORT_FORMATS, type ImportFormat } from './registry.js';

export interface ImportOptions {
  /** Force a format instead of detecting it from the content. */
  format?: ImportFormat;
  /** IANA zone of the venue; wins over the file's own (a note says so when they differ). */
  zone?: string;
}

/**
 * notes: what the import assumed or kept that is worth saying, one line each; a line about
 * events names them (id and title) and says what was assumed. Shown by `hallway check`,
 * `hallway import`, `serve` and the admin.
 */
export type ImportResult =
  { ok: true; program: StoredProgram; notes: string[] } | { ok: false; errors: string[] };

/**
 * One format Hallway reads: its file is the whole importer, and registry.ts lists it.
 * `detect` sees the text's start (BOM and leading blanks gone, first 4 KiB) and the whole text.
 */
export interface Importer<F extends string = string> {
  format: F;
  /** Other names `--format` takes for it. */
  aliases: readonly string[];
  /** What it reads, for usage texts: "Sessionize \"All Data\" JSON". */
  label: string;
  detect(head: string, text: string): boolean;
  read(text: string): ReadResult;
}

/**
 * When an event starts: an instant with the offset the file wrote, or a wall time with no
 * offset (an iCalendar floating time, a frab event without <date>) read in the venue zone.
 * `utc`: written as UTC (`Z`), which says nothing about the venue's offset.
 */
export type RawStart = { ms: number; offset: number; utc?: boolean } | { wall: string };

/** One event as a reader found it, before zone, ids and rooms are settled. */
export interface RawEvent {
  /** Where it is in the file, for messages: `schedule.conference.days[0].rooms["Adams"][3]`. */
  where: string;
  id?: string;
  guid?: string;
  start: RawStart;
  /** Given as an end instant (iCalendar DTEND) or a duration; neither: build assumes one. */
  end?: RawStart;
  durationMs?: number;
  /**
   * The local start the file also wrote (frab/c3voc `start`, "11:00"), beside an instant:
   * tells a local time wrongly marked Z from a real UTC time.
   */
  localStart?: string;
  /** Room name as written; '' when the file names a room without a name; null for none. */
  room: string | null;
  title: string;
  subtitle?: string;
  track?: string;
  type?: string;
  language?: string;
  persons: Person[];
  abstract?: string;
  description?: string;
  url?: string;
  cancelled?: boolean;
  /** The kind when the format says it (Sessionize service and plenum sessions), not the type. */
  kind?: SessionKind;
  /** For the whole conference, not one room's audience (Sessionize service and plenum sessions). */
  everyone?: boolean;
  /**
   * What the reader had to assume about this event, each a phrase ("its <duration> is
   * empty: …"): build names the event (id and title) in front of it.
   */
  issues?: string[];
  /** What a Hallway export carried for this event beyond the format's own fields. */
  extras?: SessionExtras;
}

export interface RawSchedule {
  acronym?: string;
  title?: string;
  start?: string;
  end?: string;
  timeZone?: string;
  url?: string;
  /** Rooms in the order the file lists them (declared, then first use). */
  rooms: string[];
  /** The source's own id of a room, by name (c3voc/pretalx room guid, Sessionize room id). */
  roomIds?: Map<string, string>;
  events: RawEvent[];
  /** The tracks the file lists with their colours (c3voc `conference.tracks`, frab `<track color>`). */
  tracks?: TrackEntry[];
  meta?: HallwayMeta;
}

/**
 * What a reader hands back: the schedule it could read, what refuses the file (`errors`: it is no
 * schedule of its kind at all), what it assumed (`notes`), and the events it could not place in
 * time (`skipped`, one line each naming the event): left out, so the rest of the file imports.
 */
export interface ReadResult {
  schedule: RawSchedule;
  errors: string[];
  notes: string[];
  skipped: string[];
}
