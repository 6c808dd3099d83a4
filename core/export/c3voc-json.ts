import type { HallwayMeta, SessionExtras } from '../import/hallway-meta.js';
import { formatDuration } from '../import/duration.js';
import type { Program, Session } from '../program/schema.js';
import { ms, toVenue, venueDay } from '../time/venue.js';
import { deriveBack, extrasFor } from './extras.js';
import { acronymFrom, slugFrom, UUID, uuidFrom } from './ids.js';

/**
 * The effective program as a c3voc schedule.json (valid against the c3voc schema), for other
 * tools (players, apps, the c3voc validator) and for moving a program between Hallway hosts.
 *
 * c3voc has no place for a cancellation: a cancelled session keeps its slot, its title gets a
 * "[Cancelled] " prefix (what every consumer shows), and our importer reads that back as a note.
 * Room-less sessions (breaks, meals) go in a room with an empty name, as 35C3's own file does.
 * What the format cannot hold rides in conference.meta.hallway (see core/import/hallway-meta.ts).
 */

export const CANCELLED_PREFIX = '[Cancelled] ';
const TIMESLOT = '00:05';

export interface ExportOptions {
  /** Goes into `generator.version`. */
  generatorVersion?: string;
}

export function toC3vocSchedule(program: Program, opts: ExportOptions = {}): Record<string, unknown> {
  const c = program.conference;
  const acronym = acronymFrom(c.id);
  const roomName = new Map(program.rooms.map((r) => [r.id, r.name]));
  const idNumbers = eventIds(program.sessions);
  const extras: Record<string, SessionExtras> = {};

  type Day = { date: string; start: number; end: number; sessions: Session[] };
  const days = new Map<string, Day>();
  for (const d of dateRange(c.start, c.end)) days.set(d, { date: d, start: NaN, end: NaN, sessions: [] });
  const sorted = [...program.sessions].sort((a, b) => ms(a.start) - ms(b.start));
  for (const s of sorted) {
    const date = venueDay(program, ms(s.start));
    const day = days.get(date) ?? { date, start: NaN, end: NaN, sessions: [] };
    days.set(date, day);
    day.sessions.push(s);
    if (!(ms(s.start) >= day.start)) day.start = ms(s.start);
    if (!(ms(s.end) <= day.end)) day.end = ms(s.end);
  }

  const iso = (t: number) => toVenue(program, t).toISO({ suppressMilliseconds: true }) ?? '';
  const dayList = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  const outDays = dayList.map((day, i) => {
    const rooms: Record<string, unknown[]> = {};
    for (const r of program.rooms) rooms[r.name] = [];
    for (const s of day.sessions) {
      const guid = s.guid && UUID.test(s.guid) ? s.guid : uuidFrom(`${c.id}/${s.id}`);
      const url = s.url ?? c.url ?? `urn:hallway:${c.id}:${s.id}`;
      const room = s.room === null ? '' : (roomName.get(s.room) ?? s.room);
      const persons = s.speakers.map((p) => ({
        name: p.name,
        public_name: p.name,
        ...(p.bio ? { biography: p.bio } : {}),
      }));
      const type = s.type ?? s.kind;
      const start = toVenue(program, ms(s.start));
      const event = {
        guid,
        id: idNumbers.get(s.id)!,
        date: iso(ms(s.start)),
        start: start.toFormat('HH:mm'),
        duration: formatDuration(ms(s.end) - ms(s.start)),
        room,
        slug: slugFrom(acronym, String(idNumbers.get(s.id)), s.title),
        url,
        title: s.cancelled ? `${CANCELLED_PREFIX}${s.title}` : s.title,
        subtitle: s.subtitle ?? '',
        track: s.track ?? null,
        type,
        language: s.language ?? null,
        abstract: s.abstract ?? '',
        description: '',
        persons,
        links: [],
      };
      (rooms[room] ??= []).push(event);
      const back = deriveBack({ ...event, title: s.title, roomless: s.room === null });
      extras[guid] = extrasFor(s, back);
    }
    const start = Number.isNaN(day.start) ? Date.parse(`${day.date}T00:00:00Z`) : day.start;
    const end = Number.isNaN(day.end) ? start : day.end;
    return { index: i + 1, date: day.date, day_start: iso(start), day_end: iso(end), rooms };
  });

  const meta: HallwayMeta = {
    version: 1,
    conference: c,
    rooms: program.rooms,
    sessions: extras,
    order: program.sessions.map((s) => s.id),
  };
  const conference: Record<string, unknown> = {
    acronym,
    title: c.fullName ?? c.name,
    start: c.start,
    end: c.end,
    daysCount: outDays.length,
    timeslot_duration: TIMESLOT,
    ...(/^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/.test(c.timeZone) ? { time_zone_name: c.timeZone } : {}),
    ...(c.url ? { url: c.url } : {}),
    rooms: program.rooms.map((r) => ({ name: r.name, guid: uuidFrom(`${c.id}/room/${r.id}`) })),
    ...(program.tracks?.length
      ? { tracks: program.tracks.map((t) => ({ name: t.name, color: t.colour })) }
      : {}),
    days: outDays,
    meta: { hallway: meta },
  };
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'hallway', ...(opts.generatorVersion ? { version: opts.generatorVersion } : {}) },
    schedule: { version: `hallway ${c.id}`, conference },
  };
}

export function exportC3vocJson(program: Program, opts: ExportOptions = {}): string {
  return `${JSON.stringify(toC3vocSchedule(program, opts), null, 2)}\n`;
}

/** Integer event ids: the number of `ev-123` ids (from an import), else the next free one. */
function eventIds(sessions: readonly Session[]): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const s of sessions) {
    const m = /^ev-(\d{1,9})$/.exec(s.id);
    const n = m ? Number(m[1]) : NaN;
    if (n >= 1 && !used.has(n)) {
      out.set(s.id, n);
      used.add(n);
    }
  }
  let next = 1;
  for (const s of sessions) {
    if (out.has(s.id)) continue;
    while (used.has(next)) next++;
    out.set(s.id, next);
    used.add(next);
  }
  return out;
}

function dateRange(start: string, end: string): string[] {
  const out: string[] = [];
  for (
    let t = Date.parse(`${start}T00:00:00Z`);
    t <= Date.parse(`${end}T00:00:00Z`) && out.length < 60;
    t += 86_400_000
  )
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
