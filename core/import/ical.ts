import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Person } from '../program/schema.js';
import { readHallwayMeta, SessionExtras } from './hallway-meta.js';
import { assume, skippedLine } from './issues.js';
import type { Importer, RawEvent, RawSchedule, RawStart, ReadResult } from './types.js';
import { ianaZone } from './zone.js';

/**
 * iCalendar (.ics): one VEVENT per session. LOCATION is the room, CATEGORIES the track,
 * DESCRIPTION the abstract. Times: UTC, a TZID (its VTIMEZONE, else the IANA zone of that
 * name), or floating (read in the venue zone). Hand-made calendars are read as meant: indented
 * property lines, values with leading blanks, an event without LOCATION (shown to everyone).
 */
export const ical = {
  format: 'ical',
  aliases: ['ics', 'icalendar'],
  label: 'iCalendar .ics',
  detect: (head) => /^BEGIN:VCALENDAR/i.test(head),
  read: readIcal,
} as const satisfies Importer;

/** A property line a hand-made file indented: a real continuation line rarely looks like one. */
const INDENTED =
  /^[ \t]+((BEGIN|END):V[A-Z]+|(UID|DTSTART|DTEND|DURATION|SUMMARY|LOCATION|DESCRIPTION|CATEGORIES|URL|STATUS|RRULE|TZID|DTSTAMP|VERSION|PRODID|X-WR-[A-Z]+)[;:].*)$/i;

type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

export function readIcal(textIn: string): ReadResult {
  const errors: string[] = [];
  const notes: string[] = [];
  const skipped: string[] = [];
  const schedule: RawSchedule = { rooms: [], events: [] };
  let indented = 0;
  const unfolded = textIn
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => {
      const m = INDENTED.exec(line);
      if (!m) return line;
      indented++;
      return m[1]!;
    })
    .join('\r\n');
  if (indented)
    notes.push(
      `${indented} indented line(s) read as properties of their own, not as the folded rest of the line before`,
    );
  let cal: Component;
  try {
    cal = new ICAL.Component(ICAL.parse(unfolded) as unknown[]);
  } catch (e) {
    return {
      schedule,
      errors: [`(ics): not a readable iCalendar file (${(e as Error).message})`],
      notes,
      skipped,
    };
  }
  if (cal.name !== 'vcalendar') {
    errors.push(`(ics): the top component is ${cal.name.toUpperCase()}, not VCALENDAR`);
    return { schedule, errors, notes, skipped };
  }
  const zones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  for (const vtz of cal.getAllSubcomponents('vtimezone')) {
    const tzid = vtz.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string') zones.set(tzid, new ICAL.Timezone(vtz));
  }
  const textOf = (c: Component, name: string): string | undefined => {
    const v = c.getFirstPropertyValue(name);
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  schedule.title = textOf(cal, 'x-wr-calname');
  schedule.timeZone = textOf(cal, 'x-wr-timezone');
  const metaText = textOf(cal, 'x-hallway-program');
  if (metaText) {
    const meta = readHallwayMeta(safeJson(metaText), 'X-HALLWAY-PROGRAM');
    if (meta.note) notes.push(meta.note);
    schedule.meta = meta.meta;
    schedule.acronym = meta.meta?.conference.id;
  }

  const tzids = new Set<string>();
  for (const ve of cal.getAllSubcomponents('vevent'))
    for (const name of ['dtstart', 'dtend']) {
      const tz = ve.getFirstProperty(name)?.getParameter('tzid');
      if (typeof tz === 'string') tzids.add(tz);
    }
  // A calendar written in one named zone tells us the venue zone even without X-WR-TIMEZONE.
  const only = [...tzids][0];
  if (!schedule.timeZone && tzids.size === 1 && only && ianaZone(only)) schedule.timeZone = only;

  let allDay = 0;
  let recurring = 0;
  cal.getAllSubcomponents('vevent').forEach((ve, i) => {
    const uid = textOf(ve, 'uid');
    const p = `VEVENT[${i}]${uid ? ` (UID ${uid})` : ''}`;
    // ical.js parses values lazily: an unreadable DTSTART throws here, not in ICAL.parse.
    try {
      readEvent(ve, p, uid);
    } catch (e) {
      skipped.push(skippedLine(p, `unreadable (${(e as Error).message})`, undefined, textOf(ve, 'summary')));
    }
  });
  function readEvent(ve: Component, p: string, uid: string | undefined): void {
    const title = textOf(ve, 'summary') ?? '';
    const dtstart = ve.getFirstProperty('dtstart');
    if (!dtstart) return void skipped.push(skippedLine(p, 'it has no DTSTART', undefined, title));
    const startTime = dtstart.getFirstValue() as Time;
    if (startTime.isDate) return void allDay++;
    if (ve.getFirstProperty('rrule')) recurring++;
    const zoneProblems: string[] = [];
    const start = instantOf(dtstart, startTime, zones, zoneProblems);
    if (!start) return void skipped.push(skippedLine(p, zoneProblems.join('; '), undefined, title));
    const dtend = ve.getFirstProperty('dtend');
    const duration = ve.getFirstPropertyValue('duration') as InstanceType<typeof ICAL.Duration> | null;
    const end = dtend ? instantOf(dtend, dtend.getFirstValue() as Time, zones, zoneProblems) : undefined;

    const room = textOf(ve, 'location') ?? null;
    if (room !== null && !schedule.rooms.includes(room)) schedule.rooms.push(room);
    const categories = ve
      .getAllProperties('categories')
      .flatMap((c: Property) => c.getValues() as string[])
      .map((c) => c.trim())
      .filter(Boolean);
    const persons: Person[] = [];
    const ev: RawEvent = { where: p, start, room, title, persons };
    if (room === null) assume(ev, 'no LOCATION: shown on every screen as a venue-wide session');
    if (dtend && !end) assume(ev, `its DTEND is not used: ${zoneProblems.join('; ')}`);
    if (end) ev.end = end;
    else if (duration) ev.durationMs = duration.toSeconds() * 1000;
    if (uid) ev.guid = uid;
    const description = textOf(ve, 'description');
    if (description) ev.abstract = description;
    const url = textOf(ve, 'url');
    if (url) ev.url = url;
    if (categories[0]) ev.track = categories.join(', ');
    if (textOf(ve, 'status')?.toUpperCase() === 'CANCELLED') ev.cancelled = true;
    const extrasText = textOf(ve, 'x-hallway-session');
    if (extrasText) {
      const x = SessionExtras.safeParse(safeJson(extrasText));
      if (x.success) ev.extras = x.data;
      else notes.push(`${p}.X-HALLWAY-SESSION: unreadable; imported from the event's own fields`);
    }
    schedule.events.push(ev);
  }
  if (allDay) notes.push(`${allDay} all-day event(s) left out: a screen needs a start and end time`);
  if (recurring) notes.push(`${recurring} recurring event(s): only their first occurrence is imported`);
  return { schedule, errors, notes, skipped };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function instantOf(
  prop: Property,
  t: Time,
  zones: Map<string, InstanceType<typeof ICAL.Timezone>>,
  problems: string[],
): RawStart | undefined {
  const name = prop.name.toUpperCase();
  const wallMs = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const tzid = prop.getParameter('tzid');
  if (t.zone?.tzid === 'UTC' || String(prop.toICALString()).endsWith('Z'))
    return { ms: wallMs, offset: 0, utc: true };
  if (typeof tzid === 'string' && tzid) {
    const vtz = zones.get(tzid);
    if (vtz) {
      const offset = vtz.utcOffset(t) / 60;
      return { ms: wallMs - offset * 60_000, offset };
    }
    const iana = ianaZone(tzid);
    if (iana) {
      const dt = DateTime.fromObject(
        { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second },
        { zone: iana },
      );
      return { ms: dt.toMillis(), offset: dt.offset };
    }
    problems.push(`its ${name} TZID "${tzid}" has no VTIMEZONE in the file and is no IANA zone`);
    return undefined;
  }
  const iso = new Date(wallMs).toISOString().slice(0, 19);
  return { wall: iso };
}
