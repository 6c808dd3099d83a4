import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Person } from '../program/schema.js';
import { parseDuration, parseOffsetDateTime } from './duration.js';
import { readHallwayMeta } from './hallway-meta.js';
import { htmlToText, inlineText, quote } from './text.js';
import type { RawEvent, RawSchedule, RawStart, ReadResult } from './types.js';

/**
 * frab / Pentabarf schedule.xml: <schedule><conference/><day><room name><event>…
 * Every value is read as text (a duration "01:00" must not become a number).
 */

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
  const schedule: RawSchedule = { format: 'frab-xml', rooms: [], events: [] };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    errors.push(`(xml) line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
    return { schedule, errors, notes };
  }
  const doc = parser.parse(xml) as Node;
  const root = doc.schedule;
  if (!isNode(root)) {
    errors.push(`schedule: no <schedule> root element; this is not a frab/Pentabarf schedule.xml`);
    return { schedule, errors, notes };
  }
  const c = isNode(root.conference) ? root.conference : undefined;
  if (!c) errors.push(`schedule.conference: is missing`);
  else {
    schedule.acronym = text(c.acronym);
    schedule.title = text(c.title);
    schedule.start = text(c.start);
    schedule.end = text(c.end);
    schedule.timeZone = text(c.time_zone_name) || undefined;
    schedule.url = text(c.base_url) || undefined;
    if (!schedule.title && !schedule.acronym) errors.push(`schedule.conference.title: is missing`);
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

  days.forEach((d, di) => {
    const dp = `schedule.day[${di}]`;
    const date = d['@date'];
    const dayStart = typeof d['@start'] === 'string' ? parseOffsetDateTime(d['@start']) : null;
    for (const r of list(d.room)) {
      const name = text(r['@name']) ?? '';
      if (!schedule.rooms.includes(name)) schedule.rooms.push(name);
      list(r.event).forEach((e, ei) => {
        const p = `${dp}.room[${JSON.stringify(name)}].event[${ei}]`;
        const ev = readEvent(e, p, name, typeof date === 'string' ? date : undefined, dayStart, errors);
        if (ev) {
          const extras = ev.guid ? schedule.meta?.sessions?.[ev.guid] : undefined;
          if (extras) ev.extras = extras;
          schedule.events.push(ev);
        }
      });
    }
  });
  return { schedule, errors, notes };
}

function readEvent(
  e: Node,
  p: string,
  roomName: string,
  dayDate: string | undefined,
  dayStart: { ms: number; offset: number } | null,
  errors: string[],
): RawEvent | null {
  const before = errors.length;
  const id = text(e['@id'])?.trim() || undefined;
  const guid = text(e['@guid'])?.trim() || undefined;
  if (!id && !guid) errors.push(`${p}: has neither id nor guid; give the event one`);

  let start: RawStart | null = null;
  const dateText = text(e.date);
  if (dateText) {
    start = parseOffsetDateTime(dateText);
    if (!start) errors.push(`${p}.date: ${quote(dateText)} must be an ISO date-time with offset`);
  } else {
    // Old Pentabarf files: only <start>HH:MM</start> within the day; before the day's start
    // hour means after midnight.
    const hm = text(e.start)?.trim() ?? '';
    if (!/^\d{1,2}:\d{2}$/.test(hm) || !dayDate)
      errors.push(
        `${p}.date: is missing, and <start> ${quote(hm)} with the day's date cannot stand in for it`,
      );
    else {
      const [h, m] = hm.split(':').map(Number) as [number, number];
      const startHour = dayStart ? new Date(dayStart.ms + dayStart.offset * 60_000).getUTCHours() : 0;
      const day = new Date(`${dayDate}T00:00:00Z`);
      if (h < startHour) day.setUTCDate(day.getUTCDate() + 1);
      const wall = `${day.toISOString().slice(0, 10)}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      start = { wall };
    }
  }
  const durText = text(e.duration);
  const durationMs = durText === undefined ? null : parseDuration(durText);
  if (durText === undefined) errors.push(`${p}.duration: is missing`);
  else if (durationMs === null)
    errors.push(`${p}.duration: ${quote(durText)} must be hours:minutes like 01:30`);
  const title = text(e.title);
  if (title === undefined) errors.push(`${p}.title: is missing`);
  if (errors.length > before || !start || durationMs === null) return null;

  const persons: Person[] = [];
  if (isNode(e.persons))
    for (const person of (e.persons.person as unknown[] | undefined) ?? []) {
      // frab writes <person id="1">Name</person>; merged pretalx data nests public_name/biography.
      const nested = isNode(person) && person['#text'] === undefined;
      const name = inlineText(nested ? (text(person.public_name) ?? text(person.name)) : text(person));
      if (!name) continue;
      const bio = nested ? htmlToText(text(person.biography)) : '';
      persons.push(bio ? { name, bio } : { name });
    }
  const out: RawEvent = { where: p, start, durationMs, room: roomName, title: title ?? '', persons };
  if (id) out.id = id;
  if (guid) out.guid = guid;
  for (const f of ['subtitle', 'track', 'type', 'language', 'abstract', 'description', 'url'] as const) {
    const v = text(e[f]);
    if (v) out[f] = v;
  }
  return out;
}
