import type { Person } from '../program/schema.js';
import { parseDuration, parseOffsetDateTime } from './duration.js';
import { readHallwayMeta } from './hallway-meta.js';
import { assume, skippedLine } from './issues.js';
import { htmlToText, inlineText, parseJsonText, quote } from './text.js';
import type { Importer, RawEvent, RawSchedule, ReadResult } from './types.js';

/**
 * c3voc schedule.json (frab, pretalx, the c3voc tools). Lenient where published files differ
 * from the c3voc schema without changing what a screen shows (text ids, numbers where text is
 * due, the room list beside the conference, odd person codes: each a warning); strict, with
 * the path of every problem, where a time cannot be read.
 */
export const c3vocJson = {
  format: 'c3voc-json',
  aliases: ['json', 'c3voc', 'pretalx'],
  label: 'c3voc/pretalx schedule.json',
  detect: (head, text) =>
    head.startsWith('{') && (/"schedule"\s*:/.test(head) || /"schedule"\s*:\s*\{/.test(text)),
  read: readC3vocJson,
} as const satisfies Importer;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const key = (name: string) => `[${JSON.stringify(name)}]`;
/** Text, or a number written where text is due (a numeric acronym, title or id). */
const textOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

export function readC3vocJson(text: string): ReadResult {
  const errors: string[] = [];
  const notes: string[] = [];
  const skipped: string[] = [];
  const schedule: RawSchedule = { rooms: [], events: [], roomIds: new Map() };
  const parsed = parseJsonText(text);
  if ('error' in parsed) return { schedule, errors: [parsed.error], notes, skipped };
  const json = parsed.value;
  const root = isObj(json) ? json.schedule : undefined;
  if (!isObj(root)) {
    errors.push(`schedule: is missing; a c3voc schedule.json is { "schedule": { "conference": … } }`);
    return { schedule, errors, notes, skipped };
  }
  const c = root.conference;
  if (!isObj(c)) {
    errors.push(`schedule.conference: ${c === undefined ? 'is missing' : 'must be an object'}`);
    return { schedule, errors, notes, skipped };
  }
  const str = (v: unknown, path: string, required = false): string | undefined => {
    const t = textOf(v);
    if (t !== undefined) {
      if (typeof v === 'number') notes.push(`${path}: the number ${v} where text is due: read as "${t}"`);
      return t;
    }
    if (v === undefined || v === null) {
      if (required) errors.push(`${path}: is missing`);
      return undefined;
    }
    errors.push(`${path}: must be a string (got ${quote(v)})`);
    return undefined;
  };
  schedule.acronym = str(c.acronym, 'schedule.conference.acronym');
  schedule.title = str(c.title, 'schedule.conference.title');
  if (!schedule.acronym && !schedule.title) errors.push('schedule.conference.title: is missing');
  schedule.start = str(c.start, 'schedule.conference.start');
  schedule.end = str(c.end, 'schedule.conference.end');
  schedule.timeZone = str(c.time_zone_name, 'schedule.conference.time_zone_name');
  schedule.url =
    str(c.url, 'schedule.conference.url') ??
    str(c.base_url, 'schedule.conference.base_url') ??
    str(root.base_url, 'schedule.base_url');
  const meta = readHallwayMeta(
    isObj(c.meta) ? c.meta.hallway : undefined,
    'schedule.conference.meta.hallway',
  );
  if (meta.note) notes.push(meta.note);
  schedule.meta = meta.meta;

  // pretalx and frab list rooms (with their guid) in conference.rooms; some exports put the
  // list beside the conference, where the c3voc schema has no place for it.
  const roomLists: [unknown, string][] = [[c.rooms, 'schedule.conference.rooms']];
  if (root.rooms !== undefined) {
    roomLists.push([root.rooms, 'schedule.rooms']);
    notes.push(
      'schedule.rooms: the room list is beside the conference, where the c3voc schema has none: read as schedule.conference.rooms',
    );
  }
  for (const [rooms, rp] of roomLists) {
    if (rooms === undefined) continue;
    if (!Array.isArray(rooms)) {
      errors.push(`${rp}: must be an array of rooms`);
      continue;
    }
    rooms.forEach((r, i) => {
      const name = isObj(r) ? str(r.name, `${rp}[${i}].name`, true) : undefined;
      if (!isObj(r)) errors.push(`${rp}[${i}]: must be an object with a name`);
      if (name === undefined) return;
      if (!schedule.rooms.includes(name)) schedule.rooms.push(name);
      const guid = isObj(r) ? textOf(r.guid)?.trim() : undefined;
      if (guid && !schedule.roomIds!.has(name)) schedule.roomIds!.set(name, guid);
    });
  }

  if (Array.isArray(c.tracks))
    schedule.tracks = c.tracks.map((t, i) => ({
      where: `schedule.conference.tracks[${i}]`,
      name: isObj(t) ? textOf(t.name) : undefined,
      colour: isObj(t) ? t.color : undefined,
    }));
  else if (c.tracks !== undefined && c.tracks !== null)
    notes.push(
      `schedule.conference.tracks: ${quote(c.tracks)} is not a list of tracks: no track colours read`,
    );

  const days = c.days;
  if (!Array.isArray(days)) {
    errors.push(
      `schedule.conference.days: ${days === undefined ? 'is missing' : 'must be an array of days'}`,
    );
    return { schedule, errors, notes, skipped };
  }
  if (typeof c.daysCount === 'number' && c.daysCount !== days.length)
    notes.push(`schedule.conference.daysCount says ${c.daysCount} days; the file has ${days.length}`);

  days.forEach((d, di) => {
    const dp = `schedule.conference.days[${di}]`;
    if (!isObj(d)) return void errors.push(`${dp}: must be an object`);
    if (!isObj(d.rooms)) return void errors.push(`${dp}.rooms: must be an object of room name → events`);
    for (const [roomName, events] of Object.entries(d.rooms)) {
      const rp = `${dp}.rooms${key(roomName)}`;
      if (!schedule.rooms.includes(roomName)) schedule.rooms.push(roomName);
      if (!Array.isArray(events)) {
        errors.push(`${rp}: must be an array of events`);
        continue;
      }
      events.forEach((e, ei) => {
        const ev = readEvent(e, `${rp}[${ei}]`, roomName, skipped);
        if (ev) {
          const extras = ev.guid ? schedule.meta?.sessions?.[ev.guid] : undefined;
          if (extras) ev.extras = extras;
          schedule.events.push(ev);
        }
      });
    }
  });
  return { schedule, errors, notes, skipped };
}

/**
 * One event, or null when no start can be read from it (a line in `skipped` says why). A field
 * of the wrong type elsewhere is left out with a warning: the event still has its time.
 */
function readEvent(e: unknown, p: string, roomName: string, skipped: string[]): RawEvent | null {
  if (!isObj(e)) {
    skipped.push(skippedLine(p, `${quote(e)} is not an event object`));
    return null;
  }
  // The room it is listed under wins: that is where every reader of the file sees it.
  const out: RawEvent = { where: p, start: { ms: NaN, offset: 0 }, room: roomName, title: '', persons: [] };
  const wrong = (field: string, v: unknown, what: string) =>
    assume(out, `its ${field} ${quote(v)} is not ${what}: left out`);
  /** A text field: a number is read as its digits, with a warning; another type is an error. */
  const field = (name: string): string | undefined => {
    const v = e[name];
    if (v === undefined || v === null) return undefined;
    const t = textOf(v);
    if (t === undefined) wrong(name, v, 'a string');
    else if (typeof v === 'number' && name !== 'id')
      assume(out, `its ${name} is the number ${v}, where the format has text: read as "${t}"`);
    return t;
  };

  const id = field('id');
  if (id !== undefined && typeof e.id === 'string')
    assume(out, 'its id is written as text, where the c3voc format has a number: taken as written');
  if (id?.trim()) out.id = id.trim();
  const guid = field('guid')?.trim();
  if (guid) out.guid = guid;

  const dateText = field('date');
  const start = dateText === undefined ? null : parseOffsetDateTime(dateText);
  const unplaced =
    dateText === undefined
      ? 'it has no date'
      : !start
        ? `its date ${quote(dateText)} is not an ISO date-time with offset, like 2019-12-27T11:00:00+01:00`
        : null;
  if (start) out.start = start;
  const local = field('start')?.trim();
  if (local && /^\d{1,2}:\d{2}/.test(local)) out.localStart = local.slice(0, 5).padStart(5, '0');

  if (typeof e.end === 'string' && e.end.trim()) {
    const end = parseOffsetDateTime(e.end);
    if (!end) assume(out, `its end ${quote(e.end)} is not an ISO date-time with offset: not used`);
    else out.end = end;
  }
  const durText = field('duration')?.trim();
  if (durText && !out.end) {
    const d = parseDuration(durText);
    if (d === null) assume(out, `its duration ${quote(durText)} is not hours:minutes like 01:30: not used`);
    else out.durationMs = d;
  }

  out.title = field('title') ?? '';
  if (unplaced) {
    skipped.push(skippedLine(p, unplaced, out.id ?? out.guid, out.title));
    return null;
  }
  out.persons = readPersons(e.persons, out);
  for (const f of ['subtitle', 'track', 'type', 'language', 'abstract', 'description', 'url'] as const) {
    const v = field(f);
    if (v) out[f] = v;
  }
  return out;
}

/** The speakers; one that is no person object is left out with a warning on the event. */
function readPersons(v: unknown, ev: RawEvent): Person[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    assume(ev, `its persons ${quote(v)} are not a list of persons: no speakers shown`);
    return [];
  }
  const out: Person[] = [];
  v.forEach((x, i) => {
    const pp = `persons[${i}]`;
    if (!isObj(x)) return void assume(ev, `${pp} ${quote(x)} is not a person object: left out`);
    const name = textOf(x.public_name) ?? textOf(x.name);
    if (!name?.trim()) return void assume(ev, `${pp} has no name: left out`);
    // Hallway keeps speakers by name: their id and code are never read, so an odd one is harmless.
    if (typeof x.code === 'string' && !/^[A-Z0-9]+$/.test(x.code))
      assume(
        ev,
        `speaker "${inlineText(name)}" has the code ${quote(x.code)}, not capital letters and digits: the code is not used`,
      );
    const person: Person = { name: inlineText(name) };
    const bio = typeof x.biography === 'string' ? htmlToText(x.biography) : '';
    if (bio) person.bio = bio;
    out.push(person);
  });
  return out;
}
