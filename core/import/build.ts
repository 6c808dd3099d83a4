import { DateTime, type IANAZone } from 'luxon';
import type { Conference, Session, StoredProgram } from '../program/schema.js';
import { PROGRAM_FORMAT, PROGRAM_VERSION } from '../program/schema.js';
import { readTrackColours } from '../program/tracks.js';
import { formatOffset, isoWithOffset } from './duration.js';
import { baseId, buildRooms, uniqueIds } from './ids.js';
import { EventIssues, skippedLine } from './issues.js';
import { kindOf } from './kind.js';
import { htmlToText, idFrom, inlineText, slugify } from './text.js';
import type { ImportOptions, RawEvent, RawSchedule, RawStart } from './types.js';
import { chooseZone, ianaZone, offsetLookup, type Sample } from './zone.js';

const CANCELLED_PREFIX = /^\[(cancell?ed|abgesagt)\]\s*/i;
const HOUR = 3_600_000;

/**
 * A read schedule as a Hallway program: zone settled, times in venue offset, ids unique.
 * An event whose start is no time in the venue zone is left out (`skipped`, naming it): a guess
 * would put a session at a wrong time on the screens. Anything else odd (an end before the
 * start, no end at all) is assumed away, and the assumption named with the event in the notes.
 * No program when nothing is left, or the zone cannot be settled (`errors`).
 */
export function buildProgram(
  raw: RawSchedule,
  opts: ImportOptions,
): { program: StoredProgram | null; errors: string[]; notes: string[]; skipped: string[] } {
  const errors: string[] = [];
  const notes: string[] = [];
  const skipped: string[] = [];
  const issues = new EventIssues();

  const samples: Sample[] = [];
  for (const e of raw.events) {
    if ('ms' in e.start && !e.start.utc) samples.push(e.start);
    if (e.end && 'ms' in e.end && !e.end.utc) samples.push(e.end);
  }
  const choice = chooseZone({
    forced: opts.zone,
    stated: raw.meta?.conference.timeZone ?? raw.timeZone,
    samples,
    utc: raw.events.some((e) => 'ms' in e.start && e.start.utc),
  });
  errors.push(...choice.errors);
  notes.push(...choice.notes);
  const zoneName = choice.zone;
  const zone = ianaZone(zoneName)!;
  const offset = offsetLookup(zone);
  const instant = (s: RawStart): number => ('ms' in s ? s.ms : DateTime.fromISO(s.wall, { zone }).toMillis());

  const rooms = buildRooms(raw, notes);
  const roomIndex = new Map(rooms.list.map((r, i) => [r.id, i]));

  // Times first: ids and assumed ends need every event's start.
  const timed = raw.events.map((e) => {
    let startMs = instant(e.start);
    let shift = 0;
    if (zonedLocalMarkedZ(e, startMs, zone)) {
      shift = DateTime.fromISO(`${isoDay(startMs)}T${e.localStart}`, { zone }).toMillis() - startMs;
      startMs += shift;
      (e.issues ??= []).push(
        `its time is marked Z (UTC) but matches its local start time: read as ${zoneName} local time`,
      );
    }
    const endMs = e.end ? instant(e.end) + (e.end && 'ms' in e.end && e.end.utc ? shift : 0) : undefined;
    const startKey = Number.isNaN(startMs) ? 'unknown' : localKey(startMs, offset(startMs));
    return { e, startMs, endMs, startKey };
  });
  const assumedEnd = untilNextInRoom(timed);

  const bases = timed.map((t) => (t.e.extras?.id ? { id: t.e.extras.id } : baseId(t.e, t.startKey)));
  const unique = uniqueIds(
    timed.map((t, i) => ({ id: bases[i]!.id, room: t.e.room ?? '', startKey: t.startKey })),
  );

  const guidAt = new Map<string, RawEvent>();
  const cancelled: string[] = [];
  const mismatched: { ref: string; offset: number }[] = [];
  let offsetSamples = 0;
  const built: { s: Session; ms: number; i: number }[] = [];

  timed.forEach(({ e, startMs, endMs: givenEnd }, i) => {
    const x = e.extras;
    const id = unique.ids[i]!;
    const said = (issue: string) => issues.add(id, e.title, issue);
    if (bases[i]!.issue) said(bases[i]!.issue!);
    if (unique.renamed[i])
      said(
        'shares its id with another event (the same id in another room, or a reused UID): told apart by room, then start',
      );
    for (const issue of e.issues ?? []) said(issue);
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
    if (!title) said('has no title: shown as "(untitled)"');
    if (isCancelled) cancelled.push(`${id} "${title}"`);

    if (Number.isNaN(startMs))
      return void skipped.push(
        skippedLine(`${e.where}.date`, `not a time the venue zone ${zoneName} has`, e.id ?? e.guid, e.title),
      );
    let endMs = givenEnd ?? (e.durationMs !== undefined ? startMs + e.durationMs : NaN);
    if (givenEnd === undefined && e.durationMs === undefined) {
      endMs = assumedEnd(i);
      said('has no duration or end: assumed it lasts until the next event in its room, at most an hour');
    } else if (Number.isNaN(endMs) || endMs <= startMs) {
      const lasts = Number.isNaN(endMs)
        ? 'its end is no time'
        : `it lasts ${Math.round((endMs - startMs) / 60_000)} minutes`;
      endMs = assumedEnd(i);
      said(
        `its ${e.end ? 'end' : 'duration'} is not after its start (${lasts}): assumed it lasts until the next event in its room, at most an hour`,
      );
    }
    if ('ms' in e.start && !e.start.utc) {
      offsetSamples++;
      if (!Number.isNaN(startMs) && offset(startMs) !== e.start.offset)
        mismatched.push({ ref: `${id} "${title}"`, offset: e.start.offset });
    }

    const abstract = [htmlToText(e.abstract), htmlToText(e.description)]
      .filter((t, k, all) => t && (k === 0 || t !== all[0]))
      .join('\n\n');
    const url = e.url ? cleanUrl(e.url.trim()) : undefined;
    if (url && url !== e.url?.trim()) said('its URL has "//" inside its path: read with one "/"');
    const room = e.room === null ? null : (rooms.idOf.get(e.room) ?? null);
    const s: Session = {
      id,
      title: title || '(untitled)',
      ...opt('subtitle', inlineText(e.subtitle)),
      kind: e.kind ?? kindOf(e.type),
      audience: room === null || e.everyone ? 'everyone' : 'room',
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
      ...opt('url', url),
      ...opt('guid', e.guid?.trim()),
    };
    if (x) applyExtras(s, x, roomIndex, e.where, errors);
    built.push({ s, ms: startMs, i });
  });

  if (mismatched.length) {
    const how = opts.zone ? 'as asked' : raw.timeZone || raw.meta ? 'as the file states' : 'assumed';
    const offsets = [...new Set(mismatched.map((m) => formatOffset(m.offset)))].join(', ');
    const refs = mismatched.slice(0, 5).map((m) => `${m.ref} (${formatOffset(m.offset)})`);
    notes.push(
      `time zone ${zoneName} ${how}, but ${mismatched.length} of ${offsetSamples} events are written with another offset (${offsets}): their instants are kept and shown in ${zoneName} time; pass --zone if the venue is elsewhere: ${refs.join(', ')}${mismatched.length > 5 ? `, and ${mismatched.length - 5} more` : ''}`,
    );
  }
  notes.push(...issues.lines());
  if (cancelled.length)
    notes.push(
      `${cancelled.length} event(s) marked cancelled in the file, imported as scheduled (a program file holds no cancellations: cancel them in the admin window): ${cancelled.slice(0, 5).join(', ')}${cancelled.length > 5 ? ', …' : ''}`,
    );
  if (errors.length || built.length === 0) return { program: null, errors, notes, skipped };

  const ri = (s: Session) => (s.room === null ? -1 : (roomIndex.get(s.room) ?? -1));
  const order = new Map((raw.meta?.order ?? []).map((id, i) => [id, i]));
  const rank = (s: Session) => order.get(s.id) ?? Number.MAX_SAFE_INTEGER;
  built.sort((a, b) => rank(a.s) - rank(b.s) || a.ms - b.ms || ri(a.s) - ri(b.s) || a.i - b.i);
  const sessions = built.map((b) => b.s);
  const odd = oddHours(sessions, offset, zoneName);
  if (odd) notes.push(odd);

  const conference = buildConference(raw, zoneName, sessions, notes);
  const tracks = raw.tracks?.length
    ? readTrackColours(raw.tracks)
    : { tracks: raw.meta?.tracks ?? [], warnings: [] };
  notes.push(...tracks.warnings);
  return {
    program: {
      format: PROGRAM_FORMAT,
      version: PROGRAM_VERSION,
      conference,
      rooms: rooms.list,
      sessions,
      ...(tracks.tracks.length ? { tracks: tracks.tracks } : {}),
    },
    errors,
    notes,
    skipped,
  };
}

/** `{ key: value }` when the value says something, else nothing: optional fields stay absent. */
function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value ? ({ [key]: value } as { [P in K]: string }) : {};
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A template that writes local times with a Z: the event's local <start> ("11:00") is the
 * UTC time of its date, where the venue zone is not at UTC. frab's <start> is local by
 * definition, so the local reading is the one the file means.
 */
function zonedLocalMarkedZ(e: RawEvent, ms: number, zone: IANAZone): boolean {
  if (!('ms' in e.start) || !e.start.utc || !e.localStart || Number.isNaN(ms)) return false;
  if (zone.offset(ms) === 0) return false;
  const utc = new Date(ms).toISOString().slice(11, 16);
  const local = DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
  return e.localStart === utc && e.localStart !== local;
}

/**
 * For an event with no usable end (none, or not after its start): the next start in its room,
 * at most an hour on. The rooms are grouped on first use: most files never need it.
 */
function untilNextInRoom(timed: readonly { e: RawEvent; startMs: number }[]): (i: number) => number {
  let byRoom: Map<string | null, number[]> | undefined;
  return (i) => {
    if (!byRoom) {
      byRoom = new Map();
      for (const t of timed) {
        const list = byRoom.get(t.e.room);
        if (list) list.push(t.startMs);
        else byRoom.set(t.e.room, [t.startMs]);
      }
    }
    const { e, startMs } = timed[i]!;
    const later = byRoom.get(e.room)!.filter((ms) => ms > startMs);
    return Math.min(startMs + HOUR, ...later);
  };
}

/** Double slashes inside a URL's path (a base URL ending in "/" joined to a path starting with one). */
function cleanUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)(.*)$/i.exec(url);
  return m ? `${m[1]}${m[2]!.replace(/\/{2,}/g, '/')}${m[3]}` : url;
}

/**
 * "yyyyLLdd'T'HHmm" in the venue's time from the memoised offset: luxon formatting each of
 * 35C3's 927 starts (an Intl lookup each) was a third of the build.
 */
function localKey(ms: number, offsetMin: number): string {
  const iso = new Date(ms + offsetMin * 60_000).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/**
 * Every session between midnight and 07:00 venue time is what local times marked as UTC look
 * like west of Greenwich (10:00 written 10:00Z is 05:00 in New York). Said, not fixed: a
 * night-time festival exists too.
 */
function oddHours(sessions: readonly Session[], offset: (ms: number) => number, name: string): string | null {
  if (sessions.length < 2) return null;
  const local = (s: Session) => {
    const ms = Date.parse(s.start);
    return new Date(ms + offset(ms) * 60_000).getUTCHours();
  };
  if (!sessions.every((s) => local(s) < 7) || sessions.every((s) => offset(Date.parse(s.start)) === 0))
    return null;
  return `every session starts between 00:00 and 07:00 in ${name}: if the file's times are local times marked Z (UTC), fix the export, or pass --zone UTC to show them as written`;
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
  if (raw.url) conference.url = cleanUrl(raw.url);
  Object.assign(conference, m, { timeZone: zone });
  return conference;
}
