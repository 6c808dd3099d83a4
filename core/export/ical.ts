import ICAL from 'ical.js';
import type { HallwayMeta } from '../import/hallway-meta.js';
import type { Program } from '../program/schema.js';
import { ms } from '../time/venue.js';
import { deriveBack, extrasFor } from './extras.js';

/**
 * The effective program as iCalendar. Times are written in UTC: unambiguous even for the hour
 * that happens twice when summer time ends, and every calendar shows them in its own zone;
 * X-WR-TIMEZONE names the venue zone. Cancelled sessions: STATUS:CANCELLED (title unchanged).
 * Speakers, kinds and the rest ride in X-HALLWAY-* properties for our own importer.
 */

export interface IcalOptions {
  /** DTSTAMP, epoch ms: when the file was made (core never reads the clock). */
  stamp: number;
  prodId?: string;
}

const utc = (t: number) => ICAL.Time.fromJSDate(new Date(t), true);

export function exportIcal(program: Program, opts: IcalOptions): string {
  const c = program.conference;
  const roomName = new Map(program.rooms.map((r) => [r.id, r.name]));
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('prodid', opts.prodId ?? '-//Hallway//Hallway program export//EN');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('x-wr-calname', c.name);
  cal.addPropertyWithValue('x-wr-timezone', c.timeZone);
  const meta: HallwayMeta = {
    version: 1,
    conference: c,
    rooms: program.rooms,
    order: program.sessions.map((s) => s.id),
    // iCalendar has no track colours: they ride here so the round trip keeps them.
    ...(program.tracks?.length ? { tracks: program.tracks } : {}),
  };
  cal.addPropertyWithValue('x-hallway-program', JSON.stringify(meta));

  for (const s of program.sessions) {
    const ev = new ICAL.Component('vevent');
    const uid = s.guid ?? `${s.id}@${c.id}.hallway`;
    ev.addPropertyWithValue('uid', uid);
    ev.addPropertyWithValue('dtstamp', utc(opts.stamp));
    ev.addPropertyWithValue('dtstart', utc(ms(s.start)));
    ev.addPropertyWithValue('dtend', utc(ms(s.end)));
    ev.addPropertyWithValue('summary', s.title);
    const room = s.room === null ? undefined : (roomName.get(s.room) ?? s.room);
    if (room) ev.addPropertyWithValue('location', room);
    if (s.abstract) ev.addPropertyWithValue('description', s.abstract);
    if (s.url) ev.addPropertyWithValue('url', s.url);
    if (s.track) ev.addPropertyWithValue('categories', s.track);
    if (s.cancelled) ev.addPropertyWithValue('status', 'CANCELLED');
    const back = deriveBack({
      title: s.title,
      track: s.track,
      abstract: s.abstract,
      url: s.url,
      guid: uid,
      roomless: s.room === null,
    });
    ev.addPropertyWithValue('x-hallway-session', JSON.stringify(extrasFor(s, back)));
    cal.addSubcomponent(ev);
  }
  // ical.js folds by characters (continuations reach 76, more with umlauts): refold by octets.
  const lines = cal
    .toString()
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/);
  return lines.map(fold).join('\r\n') + '\r\n';
}

const encoder = new TextEncoder();

/** RFC 5545 §3.1: at most 75 octets a line, continuations start with a space, never mid-character. */
function fold(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines spend one octet on the space
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}
