import type { Person } from '../program/schema.js';
import { parseOffsetDateTime } from './duration.js';
import { assume, skippedLine } from './issues.js';
import { kindOf } from './kind.js';
import { inlineText, parseJsonText, quote } from './text.js';
import type { Importer, RawEvent, RawSchedule, RawStart, ReadResult } from './types.js';

/**
 * Sessionize "All Data" JSON (API view All Data): { sessions, speakers, rooms, categories }.
 * Times are wall times without an offset, in the venue zone (which the file never names: it
 * comes from --zone). Ids are text; speakers are referred to by id, rooms and category items
 * by number. Service sessions (breaks, lunch) and plenum sessions are for everyone.
 */
export const sessionizeJson = {
  format: 'sessionize',
  aliases: ['sessionize-json'],
  label: 'Sessionize "All Data" JSON',
  detect: (head, text) =>
    head.startsWith('{') &&
    /"sessions"\s*:\s*\[/.test(text) &&
    /"speakers"\s*:\s*\[/.test(text) &&
    /"rooms"\s*:\s*\[/.test(text),
  read: readSessionizeJson,
} as const satisfies Importer;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
const WALL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(\.\d+)?$/;

function time(v: string): RawStart | null {
  const wall = WALL.exec(v.trim());
  if (wall) return { wall: `${wall[1]}T${wall[2]}${wall[3] ?? ''}` };
  return parseOffsetDateTime(v);
}

export function readSessionizeJson(text: string): ReadResult {
  const errors: string[] = [];
  const notes: string[] = [];
  const schedule: RawSchedule = { rooms: [], events: [], roomIds: new Map() };
  const skipped: string[] = [];
  const parsed = parseJsonText(text);
  if ('error' in parsed) return { schedule, errors: [parsed.error], notes, skipped };
  const json = parsed.value;
  if (!isObj(json) || !Array.isArray(json.sessions)) {
    errors.push(
      'sessions: is missing; a Sessionize "All Data" export is { "sessions": [...], "rooms": [...] }',
    );
    return { schedule, errors, notes, skipped };
  }
  const list = (name: string): Obj[] => {
    const v = json[name];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      errors.push(`${name}: must be an array`);
      return [];
    }
    return v.filter(isObj);
  };

  const roomName = new Map<string, string>();
  list('rooms').forEach((r, i) => {
    const id = textOf(r.id);
    const name = inlineText(textOf(r.name));
    if (!name)
      return void notes.push(`rooms[${i}]: has no name; its sessions are put in a room called by its id`);
    if (id !== undefined) {
      roomName.set(id, name);
      schedule.roomIds!.set(name, id);
    }
    if (!schedule.rooms.includes(name)) schedule.rooms.push(name);
  });

  const speakers = new Map<string, Person>();
  for (const s of list('speakers')) {
    const id = textOf(s.id);
    const name =
      inlineText(textOf(s.fullName)) ||
      inlineText(`${textOf(s.firstName) ?? ''} ${textOf(s.lastName) ?? ''}`);
    if (id === undefined || !name) continue;
    const person: Person = { name };
    const tagLine = inlineText(textOf(s.tagLine));
    if (tagLine) person.role = tagLine;
    const bio = textOf(s.bio)?.replace(/\r\n?/g, '\n').trim();
    if (bio) person.bio = bio;
    speakers.set(id, person);
  }

  // Category items by id: the category's title says what they are (Track, Session format, Language).
  const items = new Map<string, { category: string; name: string }>();
  for (const c of list('categories')) {
    const category = textOf(c.title) ?? '';
    for (const it of Array.isArray(c.items) ? c.items.filter(isObj) : []) {
      const id = textOf(it.id);
      const name = inlineText(textOf(it.name));
      if (id !== undefined && name) items.set(id, { category, name });
    }
  }

  let unscheduled = 0;
  (json.sessions as unknown[]).forEach((s, i) => {
    const p = `sessions[${i}]`;
    if (!isObj(s)) return void skipped.push(skippedLine(p, `${quote(s)} is not a session object`));
    const title = textOf(s.title) ?? '';
    const sid = textOf(s.id)?.trim();
    const startText = textOf(s.startsAt);
    const endText = textOf(s.endsAt);
    // Accepted but not yet given a slot: nothing for a screen until it is.
    if (!startText) return void unscheduled++;
    const start = time(startText);
    if (!start)
      return void skipped.push(
        skippedLine(
          p,
          `its startsAt ${quote(startText)} is not a date-time like 2024-06-12T09:00:00`,
          sid,
          title,
        ),
      );
    const ev: RawEvent = { where: p, start, room: null, title, persons: [] };
    if (endText) {
      const end = time(endText);
      if (!end)
        assume(ev, `its endsAt ${quote(endText)} is not a date-time like 2024-06-12T09:45:00: not used`);
      else ev.end = end;
    }
    if (sid) ev.id = sid;
    const roomId = textOf(s.roomId);
    if (roomId !== undefined) {
      const name = roomName.get(roomId);
      if (name) ev.room = name;
      else {
        ev.room = `Room ${roomId}`;
        if (!schedule.rooms.includes(ev.room)) schedule.rooms.push(ev.room);
        schedule.roomIds!.set(ev.room, roomId);
        assume(ev, `its roomId ${roomId} is not in rooms: put in a room called "Room ${roomId}"`);
      }
    }
    const description = textOf(s.description);
    if (description) ev.abstract = description;
    const url = textOf(s.liveUrl);
    if (url) ev.url = url;

    for (const ref of Array.isArray(s.speakers) ? s.speakers : []) {
      const sid = isObj(ref) ? textOf(ref.id) : textOf(ref);
      const person = sid === undefined ? undefined : speakers.get(sid);
      if (person) ev.persons.push(person);
      else if (isObj(ref) && textOf(ref.name)) ev.persons.push({ name: inlineText(textOf(ref.name)) });
      else assume(ev, `speaker ${quote(sid ?? ref)} is not in speakers: left out`);
    }
    for (const ref of Array.isArray(s.categoryItems) ? s.categoryItems : []) {
      const item = items.get(textOf(ref) ?? '');
      if (!item) continue;
      if (/track|topic|thema/i.test(item.category))
        ev.track = ev.track ? `${ev.track}, ${item.name}` : item.name;
      else if (/format|type|art/i.test(item.category)) ev.type ??= item.name;
      else if (/language|sprache/i.test(item.category)) ev.language ??= item.name;
    }
    if (s.isServiceSession === true) {
      ev.everyone = true;
      const k = kindOf(ev.title);
      ev.kind = k === 'meal' || k === 'social' ? k : 'break';
    }
    if (s.isPlenumSession === true) {
      ev.everyone = true;
      ev.kind = 'plenary';
    }
    schedule.events.push(ev);
  });
  if (unscheduled)
    notes.push(`${unscheduled} session(s) without a time (not scheduled in Sessionize yet): left out`);
  return { schedule, errors, notes, skipped };
}
