import type { Person } from '../program/schema.js';
import { parseDuration, parseOffsetDateTime } from './duration.js';
import { readHallwayMeta } from './hallway-meta.js';
import { htmlToText, inlineText, quote } from './text.js';
import type { RawEvent, RawSchedule, ReadResult } from './types.js';

/**
 * c3voc schedule.json (frab, pretalx, the c3voc tools). Lenient where published files differ
 * from the c3voc schema without changing meaning (missing url, odd slugs, extra fields); strict,
 * with the path of every problem, where a field Hallway reads has the wrong type or shape.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const key = (name: string) => `[${JSON.stringify(name)}]`;

export function readC3vocJson(text: string): ReadResult {
  const errors: string[] = [];
  const notes: string[] = [];
  const schedule: RawSchedule = { format: 'c3voc-json', rooms: [], events: [] };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { schedule, errors: [`(top level): not valid JSON (${(e as Error).message})`], notes };
  }
  const root = isObj(json) ? json.schedule : undefined;
  if (!isObj(root)) {
    errors.push(`schedule: is missing; a c3voc schedule.json is { "schedule": { "conference": … } }`);
    return { schedule, errors, notes };
  }
  if ('rooms' in root)
    errors.push(
      `schedule.rooms: not allowed here (the c3voc schema forbids it): room details belong in schedule.conference.rooms`,
    );
  const c = root.conference;
  if (!isObj(c)) {
    errors.push(`schedule.conference: ${c === undefined ? 'is missing' : 'must be an object'}`);
    return { schedule, errors, notes };
  }
  const str = (v: unknown, path: string, required = false): string | undefined => {
    if (typeof v === 'string') return v;
    if (v === undefined || v === null) {
      if (required) errors.push(`${path}: is missing`);
      return undefined;
    }
    errors.push(`${path}: must be a string (got ${quote(v)})`);
    return undefined;
  };
  schedule.acronym = str(c.acronym, 'schedule.conference.acronym', true);
  schedule.title = str(c.title, 'schedule.conference.title', true);
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

  if (c.rooms !== undefined) {
    if (!Array.isArray(c.rooms)) errors.push(`schedule.conference.rooms: must be an array of rooms`);
    else
      c.rooms.forEach((r, i) => {
        const name = isObj(r) ? str(r.name, `schedule.conference.rooms[${i}].name`, true) : undefined;
        if (!isObj(r)) errors.push(`schedule.conference.rooms[${i}]: must be an object with a name`);
        if (name !== undefined && !schedule.rooms.includes(name)) schedule.rooms.push(name);
      });
  }

  const days = c.days;
  if (!Array.isArray(days)) {
    errors.push(
      `schedule.conference.days: ${days === undefined ? 'is missing' : 'must be an array of days'}`,
    );
    return { schedule, errors, notes };
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
        const ev = readEvent(e, `${rp}[${ei}]`, roomName, errors, str);
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
  e: unknown,
  p: string,
  roomName: string,
  errors: string[],
  str: (v: unknown, path: string, required?: boolean) => string | undefined,
): RawEvent | null {
  if (!isObj(e)) {
    errors.push(`${p}: must be an event object`);
    return null;
  }
  const before = errors.length;
  let id: string | undefined;
  if (e.id !== undefined && e.id !== null) {
    if (typeof e.id === 'number' && Number.isInteger(e.id)) id = String(e.id);
    else errors.push(`${p}.id: must be an integer (got ${quote(e.id)}); use guid for text ids`);
  }
  const guid = str(e.guid, `${p}.guid`);
  if (id === undefined && !guid) errors.push(`${p}: has neither id nor guid; give the event one`);

  const dateText = str(e.date, `${p}.date`, true);
  const start = dateText === undefined ? null : parseOffsetDateTime(dateText);
  if (dateText !== undefined && !start)
    errors.push(
      `${p}.date: ${quote(dateText)} must be an ISO date-time with offset, like 2019-12-27T11:00:00+01:00`,
    );

  let durationMs: number | undefined;
  let end: ReturnType<typeof parseOffsetDateTime> = null;
  if (typeof e.end === 'string') {
    end = parseOffsetDateTime(e.end);
    if (!end) errors.push(`${p}.end: ${quote(e.end)} must be an ISO date-time with offset`);
  }
  const durText = str(e.duration, `${p}.duration`, !end);
  if (durText !== undefined && !end) {
    const d = parseDuration(durText);
    if (d === null) errors.push(`${p}.duration: ${quote(durText)} must be hours:minutes like 01:30`);
    else durationMs = d;
  }

  const room = str(e.room, `${p}.room`) ?? roomName;
  const title = str(e.title, `${p}.title`, true);
  const persons = readPersons(e.persons, `${p}.persons`, errors);
  const out: RawEvent = {
    where: p,
    start: start ?? { ms: NaN, offset: 0 },
    room,
    title: title ?? '',
    persons,
  };
  if (id !== undefined) out.id = id;
  if (guid) out.guid = guid;
  if (end) out.end = end;
  if (durationMs !== undefined) out.durationMs = durationMs;
  const fields = ['subtitle', 'track', 'type', 'language', 'abstract', 'description', 'url'] as const;
  for (const f of fields) {
    const v = str(e[f], `${p}.${f}`);
    if (v) out[f] = v;
  }
  // The room it is listed under wins: that is where every reader of the file sees it.
  out.room = room === roomName ? room : roomName;
  return errors.length > before ? null : out;
}

function readPersons(v: unknown, p: string, errors: string[]): Person[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    errors.push(`${p}: must be an array of persons`);
    return [];
  }
  const out: Person[] = [];
  v.forEach((x, i) => {
    const pp = `${p}[${i}]`;
    if (!isObj(x)) return void errors.push(`${pp}: must be an object with a public_name or name`);
    const name =
      typeof x.public_name === 'string' ? x.public_name : typeof x.name === 'string' ? x.name : undefined;
    if (!name?.trim()) return void errors.push(`${pp}: has no public_name or name`);
    if (x.id !== undefined && x.id !== null && !(typeof x.id === 'number' && Number.isInteger(x.id)))
      errors.push(`${pp}.id: must be an integer (got ${quote(x.id)})`);
    if (typeof x.code === 'string' && !/^[A-Z0-9]+$/.test(x.code))
      errors.push(`${pp}.code: must be capital letters and digits (got ${quote(x.code)})`);
    const person: Person = { name: inlineText(name) };
    const bio = typeof x.biography === 'string' ? htmlToText(x.biography) : '';
    if (bio) person.bio = bio;
    out.push(person);
  });
  return out;
}
