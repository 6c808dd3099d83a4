import { DateTime } from 'luxon';
import type { Conference, Program, Room, Session } from '../program/schema.js';
import { PROGRAM_FORMAT, PROGRAM_VERSION } from '../program/schema.js';
import { isoWithOffset } from './duration.js';
import { kindOf } from './kind.js';
import { htmlToText, idFrom, inlineText, slugify } from './text.js';
import type { ImportOptions, RawEvent, RawSchedule, RawStart } from './types.js';
import { chooseZone, ianaZone, offsetLookup, type Sample } from './zone.js';

export const UNNAMED_ROOM = 'Unnamed room';
const CANCELLED_PREFIX = /^\[(cancell?ed|abgesagt)\]\s*/i;

/** A read schedule as a Hallway program: zone settled, times in venue offset, ids unique. */
export function buildProgram(
  raw: RawSchedule,
  opts: ImportOptions,
): { program: Program | null; errors: string[]; notes: string[] } {
  const errors: string[] = [];
  const notes: string[] = [];

  const samples: Sample[] = [];
  for (const e of raw.events) {
    if ('ms' in e.start && !e.start.utc) samples.push(e.start);
    if (e.end && 'ms' in e.end && !e.end.utc) samples.push(e.end);
  }
  const choice = chooseZone({
    forced: opts.zone,
    stated: raw.meta?.conference.timeZone ?? raw.timeZone,
    samples,
  });
  errors.push(...choice.errors);
  notes.push(...choice.notes);
  const zoneName = choice.zone;
  const zone = ianaZone(zoneName)!;
  const offset = offsetLookup(zone);
  const instant = (s: RawStart): number => ('ms' in s ? s.ms : DateTime.fromISO(s.wall, { zone }).toMillis());

  const rooms = buildRooms(raw, notes);
  const roomIndex = new Map(rooms.list.map((r, i) => [r.id, i]));

  const idAt = new Map<string, RawEvent>();
  const guidAt = new Map<string, RawEvent>();
  const cancelled: string[] = [];
  const built: { s: Session; ms: number; i: number }[] = [];

  raw.events.forEach((e, i) => {
    const x = e.extras;
    const id = x?.id ?? sessionId(e, i);
    const dup = idAt.get(id);
    if (dup) {
      errors.push(
        `${e.where}.id: "${e.id ?? e.guid ?? id}" is also the id of ${dup.where} ("${inlineText(dup.title)}"); event ids must be unique: give one of them another id`,
      );
      return;
    }
    idAt.set(id, e);
    if (e.guid) {
      const g = guidAt.get(e.guid);
      if (g) notes.push(`${e.where}.guid: "${e.guid}" is also the guid of ${g.where}; kept on both`);
      else guidAt.set(e.guid, e);
    }

    let title = inlineText(e.title);
    let isCancelled = e.cancelled === true;
    if (CANCELLED_PREFIX.test(title)) {
      title = title.replace(CANCELLED_PREFIX, '');
      isCancelled = true;
    }
    if (!title) errors.push(`${e.where}.title: is empty; every event needs a title`);
    if (isCancelled) cancelled.push(`${id} "${title}"`);

    const startMs = instant(e.start);
    const endMs = e.end ? instant(e.end) : e.durationMs !== undefined ? startMs + e.durationMs : NaN;
    if (Number.isNaN(startMs)) errors.push(`${e.where}.date: not a time the venue zone ${zoneName} has`);
    else if (Number.isNaN(endMs)) errors.push(`${e.where}.duration: is missing; give a duration or an end`);
    else if (endMs <= startMs)
      errors.push(
        `${e.where}.${e.end ? 'end' : 'duration'}: the event must end after it starts (it lasts ${Math.round((endMs - startMs) / 60_000)} minutes)`,
      );

    const abstract = [htmlToText(e.abstract), htmlToText(e.description)]
      .filter((t, k, all) => t && (k === 0 || t !== all[0]))
      .join('\n\n');
    const room = e.room === null ? null : (rooms.idOf.get(e.room) ?? null);
    const s: Session = {
      id,
      title: title || '(untitled)',
      ...opt('subtitle', inlineText(e.subtitle)),
      kind: kindOf(e.type),
      audience: room === null ? 'everyone' : 'room',
      start: isoWithOffset(startMs, offset(startMs)),
      end: isoWithOffset(endMs, offset(endMs)),
      room,
      ...opt('track', inlineText(e.track)),
      chairs: [],
      sponsors: [],
      talks: [],
      speakers: e.persons,
      ...opt('abstract', abstract),
      ...opt('language', inlineText(e.language)),
      ...opt('type', inlineText(e.type)),
      ...opt('url', e.url?.trim()),
      ...opt('guid', e.guid?.trim()),
    };
    if (x) applyExtras(s, x, roomIndex, e.where, errors);
    built.push({ s, ms: startMs, i });
  });

  if (cancelled.length)
    notes.push(
      `${cancelled.length} event(s) marked cancelled in the file, imported as scheduled (a program file holds no cancellations: cancel them in the admin window): ${cancelled.slice(0, 5).join(', ')}${cancelled.length > 5 ? ', …' : ''}`,
    );
  if (errors.length) return { program: null, errors, notes };

  const ri = (s: Session) => (s.room === null ? -1 : (roomIndex.get(s.room) ?? -1));
  const order = new Map((raw.meta?.order ?? []).map((id, i) => [id, i]));
  const rank = (s: Session) => order.get(s.id) ?? Number.MAX_SAFE_INTEGER;
  built.sort((a, b) => rank(a.s) - rank(b.s) || a.ms - b.ms || ri(a.s) - ri(b.s) || a.i - b.i);
  const sessions = built.map((b) => b.s);

  const conference = buildConference(raw, zoneName, sessions, notes);
  return {
    program: {
      format: PROGRAM_FORMAT,
      version: PROGRAM_VERSION,
      conference,
      rooms: rooms.list,
      sessions,
      announcements: [],
      alerts: [],
    },
    errors,
    notes,
  };
}

/** `{ key: value }` when the value says something, else nothing: optional fields stay absent. */
function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value ? ({ [key]: value } as { [P in K]: string }) : {};
}

function sessionId(e: RawEvent, i: number): string {
  const source = e.id?.trim() || e.guid?.trim();
  return source ? `ev-${idFrom(source)}` : `ev-${i + 1}`;
}

function buildRooms(raw: RawSchedule, notes: string[]): { list: Room[]; idOf: Map<string, string> } {
  const list: Room[] = [];
  const idOf = new Map<string, string>();
  const used = new Set<string>();
  const add = (name: string, id?: string) => {
    if (idOf.has(name)) return;
    const shown = name.trim() || UNNAMED_ROOM;
    let rid = id ?? (slugify(shown) || 'room');
    if (!id) for (let n = 2; used.has(rid); n++) rid = `${slugify(shown) || 'room'}-${n}`;
    used.add(rid);
    idOf.set(name, rid);
    list.push({ id: rid, name: shown });
  };
  for (const r of raw.meta?.rooms ?? []) add(r.name, r.id);
  // A nameless room only exists for the events in it; a Hallway export parks its room-less
  // sessions there, and their extras say room: null.
  const inNameless = raw.events.some((e) => e.room !== null && !e.room.trim() && e.extras?.room !== null);
  for (const name of raw.rooms) if (name.trim() || inNameless) add(name);
  for (const e of raw.events) if (e.room !== null && (e.room.trim() || e.extras?.room !== null)) add(e.room);
  const nameless = raw.events.filter(
    (e) => e.room !== null && !e.room.trim() && e.extras?.room !== null,
  ).length;
  if (nameless)
    notes.push(`${nameless} event(s) in a room with no name: put in a room called "${UNNAMED_ROOM}"`);
  return { list, idOf };
}

function applyExtras(
  s: Session,
  x: NonNullable<RawEvent['extras']>,
  roomIndex: Map<string, number>,
  where: string,
  errors: string[],
): void {
  const { synthetic, room, ...rest } = x;
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) (s as Record<string, unknown>)[k] = v;
  if (room !== undefined) {
    if (room !== null && !roomIndex.has(room))
      errors.push(`${where}: the Hallway extras name room "${room}", which the file does not list`);
    s.room = room;
  }
  for (const f of synthetic ?? []) delete s[f];
}

function buildConference(raw: RawSchedule, zone: string, sessions: Session[], notes: string[]): Conference {
  const m = raw.meta?.conference ?? {};
  const dates = sessions.map((s) => s.start.slice(0, 10)).sort();
  const date = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : undefined);
  let start = m.start ?? date(raw.start) ?? dates[0];
  let end = m.end ?? date(raw.end) ?? dates[dates.length - 1];
  if (!start || !end) {
    notes.push('the file names no conference dates and has no events: dates set to 1970-01-01');
    start ??= '1970-01-01';
    end ??= start;
  }
  if (end < start) {
    notes.push(`conference end ${end} is before its start ${start}: took the start as the end`);
    end = start;
  }
  const name = inlineText(raw.title) || inlineText(raw.acronym) || 'Imported schedule';
  const id = idFrom(slugify(raw.acronym ?? '') || slugify(name)) || 'imported';
  const conference: Conference = { id, name, timeZone: zone, start, end };
  if (raw.url) conference.url = raw.url;
  Object.assign(conference, m, { timeZone: zone });
  return conference;
}
