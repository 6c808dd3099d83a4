import type { Person, StoredProgram } from '../program/schema.js';
import type { HallwayMeta, SessionExtras } from './hallway-meta.js';

export const IMPORT_FORMATS = ['frab-xml', 'c3voc-json', 'ical'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions {
  /** Force a format instead of detecting it from the content. */
  format?: ImportFormat;
  /** IANA zone of the venue; wins over the file's own (a note says so when they differ). */
  zone?: string;
}

export type ImportResult =
  { ok: true; program: StoredProgram; notes: string[] } | { ok: false; errors: string[] };

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
  /** Given as an end instant (iCalendar DTEND) or a duration. */
  end?: RawStart;
  durationMs?: number;
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
  /** What a Hallway export carried for this event beyond the format's own fields. */
  extras?: SessionExtras;
}

export interface RawSchedule {
  format: ImportFormat;
  acronym?: string;
  title?: string;
  start?: string;
  end?: string;
  timeZone?: string;
  url?: string;
  /** Rooms in the order the file lists them (declared, then first use). */
  rooms: string[];
  events: RawEvent[];
  meta?: HallwayMeta;
}

/** What a reader hands back: the schedule it could read, and every problem it found. */
export interface ReadResult {
  schedule: RawSchedule;
  errors: string[];
  notes: string[];
}
