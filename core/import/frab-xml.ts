import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseDuration, parseOffsetDateTime } from './duration.js';
import { readHallwayMeta } from './hallway-meta.js';
import { assume, skippedLine } from './issues.js';
import { htmlToText, inlineText, quote } from './text.js';
import type { TrackEntry } from '../program/tracks.js';
import type { Importer, RawEvent, RawSchedule, ReadResult } from './types.js';

/**
 * frab / Pentabarf schedule.xml: <schedule><conference/><day><room name><event>…, and what
 * older or hand-templated files make of it: events straight under <day> with their room as
 * text (old Pentabarf), no <date> (the day's date and <start>), local times marked Z.
 * Every value is read as text (a duration "01:00" must not become a number).
 */
export const frabXml = {
  format: 'frab-xml',
  aliases: ['xml', 'frab', 'pentabarf'],
  label: 'frab/Pentabarf schedule.xml',
  detect: (head, text) =>
    head.startsWith('<') && (/<schedule[\s>]/.test(head) || /<schedule[\s>]/.test(text)),
  read: readFrabXml,
} as const satisfies Importer;

type Node = Record<string, unknown>;
const ARRAYS = new Set(['day', 'room', 'event', 'person', 'link', 'attachment']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded by text() below, only for the values we read: twice as fast on 35C3.
  processEntities: false,
  trimValues: true,
  textNodeName: '#text',
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ARRAYS.has(name),
});

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Node[] => (Array.isArray(v) ? v.filter(isNode) : []);
/** Text of an element that may be empty (`<subtitle/>` parses as ""), or carry attributes. */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return decodeXml(v);
  if (isNode(v) && typeof v['#text'] === 'string') return decodeXml(v['#text']);
  return undefined;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** The XML layer only: `&lt;p&gt;` becomes `<p>`, which htmlToText then treats as HTML. */
function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, name: string) => {
    if (name[0] !== '#') return XML_ENTITIES[name.toLowerCase()] ?? all;
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

export function readFrabXml(xml: string): ReadResult {
  const errors: string[] = [];
  const notes: string[] = [];
  const skipped: string[] = [];
  const schedule: RawSchedule = { rooms: [], events: [], roomIds: new Map() };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    errors.push(`(xml) line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
    return { schedule, errors, notes, skipped };
  }
  const doc = parser.parse(xml) as Node;
  const root = doc.schedule;
  if (!isNode(root)) {
    errors.push(`schedule: no <schedule> root element; this is not a frab/Pentabarf schedule.xml`);
    return { schedule, errors, notes, skipped };
  }
  const c = isNode(root.conference) ? root.conference : undefined;
  let dayChange: number | undefined;
  if (!c) errors.push(`schedule.conference: is missing`);
  else {
    schedule.acronym = text(c.acronym);
    schedule.title = text(c.title);
    schedule.start = text(c.start);
    schedule.end = text(c.end);
    schedule.timeZone = text(c.time_zone_name) || undefined;
    schedule.url = text(c.base_url) || undefined;
    if (!schedule.title && !schedule.acronym) errors.push(`schedule.conference.title: is missing`);
    const change = /^(\d{1,2}):(\d{2})/.exec(text(c.day_change)?.trim() ?? '');
    if (change) dayChange = Number(change[1]) * 60 + Number(change[2]);
    schedule.tracks = trackEntries(c);
    const metaText = text(c.hallway_meta);
    if (metaText) {
      let raw: unknown;
      try {
        raw = JSON.parse(metaText);
      } catch {
        notes.push('schedule.conference.hallway_meta: not JSON; ignored');
      }
      const meta = readHallwayMeta(raw, 'schedule.conference.hallway_meta');
      if (meta.note) notes.push(meta.note);
      schedule.meta = meta.meta;
    }
  }
  const days = list(root.day);
  if (days.length === 0) errors.push(`schedule.day: the schedule has no <day> elements`);

  const addRoom = (name: string, guid: string | undefined) => {
    if (!schedule.rooms.includes(name)) schedule.rooms.push(name);
    if (guid && !schedule.roomIds!.has(name)) schedule.roomIds!.set(name, guid);
  };
  const firstDay = /^\d{4}-\d{2}-\d{2}/.exec(schedule.start?.trim() ?? '')?.[0];
  days.forEach((d, di) => {
    const dp = `schedule.day[${di}]`;
    const date = dayDate(d, di, firstDay, dp, notes);
    const dayStart = typeof d['@start'] === 'string' ? parseOffsetDateTime(d['@start']) : null;
    // Before this (minutes into the day) a <start> without <date> is the night after the day.
    const change =
      dayChange ?? (dayStart ? new Date(dayStart.ms + dayStart.offset * 60_000).getUTCHours() * 60 : 0);
    const take = (e: Node, p: string, room: string) => {
      const ev = readEvent(e, p, room, date, change, skipped);
      if (!ev) return;
      const extras = ev.guid ? schedule.meta?.sessions?.[ev.guid] : undefined;
      if (extras) ev.extras = extras;
      schedule.events.push(ev);
    };
    for (const r of list(d.room)) {
      const name = text(r['@name']) ?? '';
      addRoom(name, text(r['@guid'])?.trim() || undefined);
      list(r.event).forEach((e, ei) => take(e, `${dp}.room[${JSON.stringify(name)}].event[${ei}]`, name));
    }
    // Old Pentabarf: events straight under <day>, each naming its room in a <room> of its own.
    list(d.event).forEach((e, ei) => {
      const name = inlineText(text(Array.isArray(e.room) ? e.room[0] : e.room));
      if (name) addRoom(name, undefined);
      take(e, `${dp}.event[${ei}]`, name);
    });
  });
  return { schedule, errors, notes, skipped };
}

/**
 * The tracks the conference lists, with their colours: `<track name="" color=""/>` inside
 * <conference> (the frab schema), or inside a `<tracks>` list as newer exports write them.
 */
function trackEntries(c: Node): TrackEntry[] {
  const one = (v: unknown): Node[] => (Array.isArray(v) ? v.filter(isNode) : isNode(v) ? [v] : []);
  const direct = one(c.track).map((t, i) => ({ t, where: `schedule.conference.track[${i}]` }));
  const listed = one(isNode(c.tracks) ? c.tracks.track : undefined).map((t, i) => ({
    t,
    where: `schedule.conference.tracks.track[${i}]`,
  }));
  return [...direct, ...listed].map(({ t, where }) => ({
    where,
    name: text(t['@name']) ?? text(t),
    colour: text(t['@color']),
  }));
}

/**
 * The day's date: its `date` attribute, or, in very old Pentabarf files that write none, the
 * conference's first day plus the day's `index` (1 for the first day; its position when it has
 * none), with a note. Undefined when neither is there: events without a <date> then cannot be placed.
 */
function dayDate(d: Node, di: number, firstDay: string | undefined, dp: string, notes: string[]) {
  const written = typeof d['@date'] === 'string' ? d['@date'].trim() : '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(written)) return written;
  if (!firstDay) return undefined;
  const index = Number(text(d['@index']));
  const offset = Number.isInteger(index) && index >= 1 ? index - 1 : di;
  const day = new Date(`${firstDay}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offset);
  const iso = day.toISOString().slice(0, 10);
  notes.push(
    `${dp}: ${written ? `its date ${quote(written)} is not a date` : 'has no date'}: taken as ${iso}, day ${offset + 1} from the conference's start`,
  );
  return iso;
}

/**
 * One event, or null when no start can be read from it (a line in `skipped` says why, naming
 * it). An unreadable duration is not used, with a warning: build then assumes an end.
 */
function readEvent(
  e: Node,
  p: string,
  roomName: string,
  dayDate: string | undefined,
  dayChange: number,
  skipped: string[],
): RawEvent | null {
  const out: RawEvent = { where: p, start: { wall: '' }, room: roomName, title: '', persons: [] };
  const id = text(e['@id'])?.trim();
  const guid = text(e['@guid'])?.trim();
  if (id) out.id = id;
  if (guid) out.guid = guid;

  const hm = text(e.start)?.trim() ?? '';
  const hmOk = /^\d{1,2}:\d{2}(:\d{2})?$/.test(hm);
  const dateText = text(e.date)?.trim();
  let unplaced: string | null = null;
  if (dateText) {
    const start = parseOffsetDateTime(dateText);
    if (!start) unplaced = `its <date> ${quote(dateText)} is not an ISO date-time with offset`;
    else out.start = start;
    if (hmOk) out.localStart = hm.slice(0, 5).padStart(5, '0');
  } else if (!hmOk || !dayDate)
    unplaced = hmOk
      ? `it has no <date>, and neither its <day> nor the conference's <start> says which date its <start> ${quote(hm)} is on`
      : `it has no <date>, and its <start> ${quote(hm)} is no time of day`;
  else {
    // Only <start>HH:MM within the day: before the day changes (frab's day_change, else the
    // hour the day starts) it is the night after the day (28C3's 00:15 shows).
    const [h, m] = hm.split(':').map(Number) as [number, number];
    const day = new Date(`${dayDate}T00:00:00Z`);
    if (h * 60 + m < dayChange) day.setUTCDate(day.getUTCDate() + 1);
    out.start = {
      wall: `${day.toISOString().slice(0, 10)}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
    };
  }
  const durText = text(e.duration)?.trim();
  if (durText) {
    const d = parseDuration(durText);
    if (d === null) assume(out, `its <duration> ${quote(durText)} is not hours:minutes like 01:30: not used`);
    else out.durationMs = d;
  }

  // Only the event's own <title>: a <link> or <attachment> may hold a <title> of its own.
  out.title = text(e.title) ?? '';
  if (unplaced) {
    skipped.push(skippedLine(p, unplaced, id ?? guid, out.title));
    return null;
  }
  if (isNode(e.persons))
    for (const person of (e.persons.person as unknown[] | undefined) ?? []) {
      // frab writes <person id="1">Name</person>; merged pretalx data nests public_name/biography.
      const nested = isNode(person) && person['#text'] === undefined;
      const name = inlineText(nested ? (text(person.public_name) ?? text(person.name)) : text(person));
      if (!name) continue;
      const bio = nested ? htmlToText(text(person.biography)) : '';
      // A template's one <person> naming several people ("Ada, Grace") is kept as written: a
      // comma also sits inside one name ("Le RESET, feminist hackerspace" at 35C3), and a
      // screen shows the names joined by commas either way.
      out.persons.push(bio ? { name, bio } : { name });
    }
  for (const f of ['subtitle', 'track', 'type', 'language', 'abstract', 'description', 'url'] as const) {
    const v = text(e[f]);
    if (v) out[f] = v;
  }
  return out;
}
