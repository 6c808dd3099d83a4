import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPML, SCHEDULES } from './helpers.js';

/**
 * Malformed variants of real program and schedule files, made at run time from the originals.
 * `reject`: the file must be refused, and the message must match `place` (where the fault is).
 * `survive`: real files are messy (overlaps, duplicate guids), so an importer may keep the file
 * with notes; it must answer either way, never crash, and a refusal must still say where.
 * Same-room overlaps are kept on purpose (published schedules have them): the note names them.
 */
export interface Variant {
  name: string;
  file: string;
  content: string | Buffer;
  expect: 'reject' | 'survive';
  place: RegExp;
  /** When kept: a note must say what was wrong (matching this). */
  note?: RegExp;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variants poke anywhere in the JSON
type Json = any;
const TEN_MB = 'T'.repeat(10 * 1024 * 1024);
const clone = <T>(v: T): T => structuredClone(v);
const FRACTIONS = [0.02, 0.2, 0.5, 0.8, 0.999];
const JSON_PLACE = /line|position|column|JSON|end of|unexpected|truncated|incomplete/i;

function truncations(base: string, file: string, label: string, place: RegExp): Variant[] {
  return FRACTIONS.map((f) => ({
    name: `${label} truncated at ${Math.round(f * 1000) / 10}%`,
    file,
    content: base.slice(0, Math.floor(base.length * f)),
    expect: 'reject' as const,
    place,
  }));
}

function hallwayVariants(): Variant[] {
  const text = readFileSync(OPML, 'utf8');
  const base: Json = JSON.parse(text);
  const out: Variant[] = truncations(text, 'opml.json', 'OpML program', JSON_PLACE);
  const mut = (
    name: string,
    place: RegExp,
    fn: (p: Json) => void,
    expect: Variant['expect'] = 'reject',
    note?: RegExp,
  ) => {
    const p = clone(base);
    fn(p);
    out.push({
      name: `OpML program: ${name}`,
      file: 'opml.json',
      content: JSON.stringify(p),
      expect,
      place,
      ...(note ? { note } : {}),
    });
  };
  const idx = (id: string) => (base.sessions as { id: string }[]).findIndex((s) => s.id === id);
  const t1 = idx('t1-production');
  const t2 = idx('t2-deep-learning');
  const pm1 = idx('t2-pm1');

  // Wrong types, each at a known place.
  const wrong: [string, (p: Json) => void, RegExp][] = [
    ['sessions is a string', (p) => (p.sessions = 'all of them'), /sessions/],
    ['rooms is a number', (p) => (p.rooms = 5), /rooms/],
    ['conference.timeZone is a number', (p) => (p.conference.timeZone = 7), /conference\.timeZone/],
    [
      `sessions[${t1}].start is a number`,
      (p) => (p.sessions[t1].start = 1558373400000),
      new RegExp(`sessions\\[${t1}\\]\\.start`),
    ],
    [
      `sessions[${t1}].room is a number`,
      (p) => (p.sessions[t1].room = 5),
      new RegExp(`sessions\\[${t1}\\]\\.room`),
    ],
    [
      `sessions[${t1}].talks is an object`,
      (p) => (p.sessions[t1].talks = {}),
      new RegExp(`sessions\\[${t1}\\]\\.talks`),
    ],
    [
      `sessions[${pm1}].talks[0].speakers is a string`,
      (p) => (p.sessions[pm1].talks[0].speakers = 'Ada'),
      new RegExp(`sessions\\[${pm1}\\]\\.talks\\[0\\]\\.speakers`),
    ],
    [
      `sessions[${t1}].kind is unknown`,
      (p) => (p.sessions[t1].kind = 'party'),
      new RegExp(`sessions\\[${t1}\\]\\.kind`),
    ],
    ['version 2', (p) => (p.version = 2), /version/],
    ['conference.start not a date', (p) => (p.conference.start = 'May 20'), /conference\.start/],
    ['sessions[0] is null', (p) => (p.sessions[0] = null), /sessions\[0\]/],
    ['a session without start', (p) => delete p.sessions[3].start, /sessions\[3\]\.start/],
    ['no conference', (p) => delete p.conference, /conference/],
    [
      `sessions[${t1}].start without offset`,
      (p) => (p.sessions[t1].start = '2019-05-20T10:30:00'),
      new RegExp(`sessions\\[${t1}\\]\\.start`),
    ],
    [
      `sessions[${t1}].end on 30 February`,
      (p) => (p.sessions[t1].end = '2019-02-30T12:30:00-07:00'),
      new RegExp(`sessions\\[${t1}\\]\\.end`),
    ],
  ];
  for (const [name, fn, place] of wrong) mut(name, place, fn);

  // Overlapping sessions in one room.
  mut(
    `t2-deep-learning moved into winchester over t1-production`,
    new RegExp(`sessions\\[(${t1}|${t2})\\]|t2-deep-learning|t1-production`),
    (p) => (p.sessions[t2].room = 'winchester'),
    'survive',
    /overlap.*t2-deep-learning|t2-deep-learning.*overlap/,
  );
  mut(
    `tut-pm1 stretched over tut-pm2`,
    /tut-pm1|tut-pm2|sessions\[\d+\]/,
    (p) => (p.sessions[idx('tut-pm1')].end = '2019-05-20T15:00:00-07:00'),
    'survive',
    /overlap.*tut-pm/,
  );
  mut(
    `keynote duplicated at 09:30 in its room`,
    /keynote|sessions\[\d+\]/,
    (p) =>
      p.sessions.push({
        ...clone(p.sessions[idx('keynote')]),
        id: 'keynote-again',
        start: '2019-05-20T09:30:00-07:00',
        talks: [],
      }),
    'survive',
    /overlap.*keynote/,
  );

  // Ends before (or at) starts.
  for (const id of ['keynote', 't1-production', 'lunch', 'posters']) {
    const i = idx(id);
    mut(
      `sessions[${i}] (${id}) ends before it starts`,
      new RegExp(`sessions\\[${i}\\]\\.end`),
      (p) =>
        (p.sessions[i].end = p.sessions[i].start.replace(
          /T(\d\d)/,
          (_: string, h: string) => `T${String(Number(h) - 1).padStart(2, '0')}`,
        )),
    );
  }
  mut(
    'a session that ends when it starts',
    new RegExp(`sessions\\[${t1}\\]\\.end`),
    (p) => (p.sessions[t1].end = p.sessions[t1].start),
  );

  // Unknown zones.
  for (const zone of [
    'Mars/Olympus_Mons',
    'America/Los Angeles',
    'Pacific Time',
    'UTC+25',
    'Europe/Berlin/Mitte',
  ])
    mut(`zone "${zone}"`, /conference\.timeZone|time ?zone/i, (p) => (p.conference.timeZone = zone));
  mut('empty zone', /conference\.timeZone/, (p) => (p.conference.timeZone = ''));

  // Duplicate ids.
  mut(
    'duplicate session id',
    /sessions\[1\]\.id|duplicate|breakfast/i,
    (p) => (p.sessions[1].id = p.sessions[0].id),
  );
  mut(
    'duplicate room id',
    /rooms\[1\]\.id|duplicate|santa-clara-ballroom/i,
    (p) => (p.rooms[1].id = p.rooms[0].id),
  );
  mut(
    'duplicate talk id across sessions',
    /talks\[\d+\]\.id|duplicate|keynote-1/i,
    (p) => (p.sessions[t1].talks[0].id = 'keynote-1'),
  );
  mut('session id with spaces', /sessions\[0\]\.id/, (p) => (p.sessions[0].id = 'bad id'));

  // Unknown room, 10 MB titles.
  mut(
    `sessions[${t1}].room names no room`,
    new RegExp(`sessions\\[${t1}\\]\\.room`),
    (p) => (p.sessions[t1].room = 'the-moon'),
  );
  mut('10 MB session title', /sessions\[0\]\.title/, (p) => (p.sessions[0].title = TEN_MB));
  mut(
    '10 MB talk title',
    new RegExp(`sessions\\[${t1}\\]\\.talks\\[0\\]\\.title`),
    (p) => (p.sessions[t1].talks[0].title = TEN_MB),
  );
  mut(
    '10 MB speaker name',
    new RegExp(`sessions\\[${pm1}\\]\\.talks\\[0\\]\\.speakers\\[0\\]\\.name`),
    (p) => (p.sessions[pm1].talks[0].speakers[0].name = TEN_MB),
  );
  mut('10 MB conference name', /conference\.name/, (p) => (p.conference.name = TEN_MB));

  // Not a program at all.
  const notProgram: [string, string | Buffer][] = [
    ['empty file', ''],
    ['whitespace only', ' \n\t\n'],
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))],
    ['JSON null', 'null'],
    ['JSON array', '[]'],
    ['empty object', '{}'],
    ['an HTML page', '<!doctype html><html><body>Schedule</body></html>'],
    ['NUL bytes', Buffer.alloc(1024)],
  ];
  for (const [name, content] of notProgram)
    out.push({ name: `not a program: ${name}`, file: 'program.json', content, expect: 'reject', place: /./ });
  return out;
}

function c3vocVariants(): Variant[] {
  const out: Variant[] = [];
  for (const file of ['frab-camp2019.json', 'pretalx-democon.json']) {
    const text = readFileSync(join(SCHEDULES, file), 'utf8');
    const base: Json = JSON.parse(text);
    out.push(...truncations(text, file, file, JSON_PLACE));
    const firstRoom = (p: Json) => {
      const rooms = p.schedule.conference.days[0].rooms;
      const name = Object.keys(rooms).find((k) => rooms[k].length > 0)!;
      return rooms[name] as Json[];
    };
    const mut = (
      name: string,
      place: RegExp,
      fn: (p: Json) => void,
      expect: Variant['expect'] = 'reject',
      note?: RegExp,
    ) => {
      const p = clone(base);
      fn(p);
      out.push({
        name: `${file}: ${name}`,
        file,
        content: JSON.stringify(p),
        expect,
        place,
        ...(note ? { note } : {}),
      });
    };
    mut('days is a string', /days/, (p) => (p.schedule.conference.days = 'soon'));
    mut('no conference', /conference/, (p) => delete p.schedule.conference);
    mut('schedule is null', /schedule|format|recogni/i, (p) => (p.schedule = null));
    // An unusable zone name is ignored with a note, and the zone read from the written offsets.
    mut(
      'unknown zone',
      /zone|Mars/i,
      (p) => (p.schedule.conference.time_zone_name = 'Mars/Olympus_Mons'),
      'survive',
      /Mars\/Olympus_Mons/,
    );
    // One event no time can be read from is left out, named; the rest of the schedule imports.
    mut('event duration "abc"', /duration/, (p) => (firstRoom(p)[0].duration = 'abc'), 'survive', /"abc"/);
    mut(
      'event date garbage',
      /date|start/,
      (p) => (firstRoom(p)[0].date = 'the first evening'),
      'survive',
      /"the first evening".*left out/,
    );
    mut('every event date garbage', /date.*left out|no event/, (p) => {
      for (const d of p.schedule.conference.days)
        for (const events of Object.values(d.rooms) as Json[][]) for (const e of events) e.date = 'soon';
    });
    mut(
      'event ends before it starts (duration -01:00)',
      /duration|end/,
      (p) => (firstRoom(p)[0].duration = '-01:00'),
      'survive',
    );
    mut('event title is a number', /title/, (p) => (firstRoom(p)[0].title = 42), 'survive');
    mut('event without title', /title/, (p) => delete firstRoom(p)[0].title, 'survive');
    mut('10 MB event title', /title/, (p) => (firstRoom(p)[0].title = TEN_MB), 'survive');
    mut(
      'duplicate event ids',
      /id|guid|duplicate/i,
      (p) => {
        const ev = firstRoom(p);
        if (ev[1]) ev[1].id = ev[0].id;
        if (ev[1]) ev[1].guid = ev[0].guid;
      },
      'survive',
    );
    mut(
      'overlapping events in one room',
      /overlap|room/i,
      (p) => {
        const ev = firstRoom(p);
        ev.push({
          ...clone(ev[0]),
          id: 999_999,
          guid: '00000000-0000-4000-8000-000000000000',
          duration: '05:00',
        });
      },
      'survive',
      /overlap/,
    );
  }
  const rc3 = readFileSync(join(SCHEDULES, 'pretalx-rc3.json'), 'utf8');
  out.push({
    name: 'pretalx-rc3.json truncated mid-event',
    file: 'rc3.json',
    content: rc3.slice(0, rc3.indexOf('"duration"', 5000)),
    expect: 'reject',
    place: JSON_PLACE,
  });
  out.push({
    name: 'invalid-example.json as published',
    file: 'invalid-example.json',
    content: readFileSync(join(SCHEDULES, 'invalid-example.json')),
    expect: 'survive',
    place: /./,
  });
  return out;
}

function frabXmlVariants(): Variant[] {
  const text = readFileSync(join(SCHEDULES, '31c3.schedule.xml'), 'utf8');
  const out = truncations(text, '31c3.xml', '31c3.schedule.xml', /./);
  const sub = (
    name: string,
    from: string | RegExp,
    to: string,
    place: RegExp,
    expect: Variant['expect'] = 'reject',
    note?: RegExp,
  ) =>
    out.push({
      name: `31c3.schedule.xml: ${name}`,
      file: '31c3.xml',
      content: text.replace(from, to),
      expect,
      place,
      ...(note ? { note } : {}),
    });
  sub(
    'first duration "xx:yy"',
    '<duration>00:30</duration>',
    '<duration>xx:yy</duration>',
    /duration|6561/,
    'survive',
    /"xx:yy"/,
  );
  sub(
    'first date garbage',
    '<date>2014-12-27T11:00:00+01:00</date>',
    '<date>Saturday morning</date>',
    /date|6561/,
    'survive',
    /"Saturday morning".*left out/,
  );
  sub('no conference', /<conference>[\s\S]*?<\/conference>/, '', /conference/);
  sub(
    '10 MB event title',
    '<title>31C3 Opening Event</title>',
    `<title>${TEN_MB}</title>`,
    /title/,
    'survive',
  );
  sub(
    'script in a title',
    '<title>31C3 Opening Event</title>',
    '<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>',
    /./,
    'survive',
  );
  sub('unclosed tags', '</event>', '', /./, 'survive');
  out.push({
    name: 'XML that is not a schedule',
    file: 'x.xml',
    content: '<?xml version="1.0"?><rss><channel/></rss>',
    expect: 'reject',
    place: /./,
  });
  out.push({
    name: 'XML entity bomb',
    file: 'bomb.xml',
    content: `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]><schedule><conference><title>&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;</title></conference></schedule>`,
    expect: 'reject',
    place: /./,
  });
  return out;
}

const ICS = (events: string, zone = 'Europe/Berlin') =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//hallway//reliability//EN',
    `X-WR-TIMEZONE:${zone}`,
    events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
const EVENT = (uid: string, start: string, end: string, tz = 'Europe/Berlin', summary = 'A talk') =>
  [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTART;TZID=${tz}:${start}`,
    `DTEND;TZID=${tz}:${end}`,
    `SUMMARY:${summary}`,
    'LOCATION:Hall A',
    'END:VEVENT',
  ].join('\r\n');

function icalVariants(): Variant[] {
  const good = ICS(
    EVENT('a@x', '20191026T100000', '20191026T110000') +
      '\r\n' +
      EVENT('b@x', '20191026T113000', '20191026T123000'),
  );
  const out: Variant[] = [];
  const v = (
    name: string,
    content: string,
    place: RegExp,
    expect: Variant['expect'] = 'reject',
    note?: RegExp,
  ) =>
    out.push({
      name: `iCalendar: ${name}`,
      file: 'cal.ics',
      content,
      expect,
      place,
      ...(note ? { note } : {}),
    });
  v('truncated (no END:VCALENDAR)', good.slice(0, good.lastIndexOf('END:VCALENDAR')), /./);
  v('truncated mid-event', good.slice(0, good.indexOf('SUMMARY')), /./);
  v(
    'DTEND before DTSTART',
    ICS(EVENT('a@x', '20191026T110000', '20191026T100000')),
    /a@x|DTEND|end/i,
    'survive',
    /"A talk": its end is not after its start/,
  );
  v(
    'one event of two with an unknown TZID',
    ICS(
      EVENT('a@x', '20191026T100000', '20191026T110000', 'Mars/Olympus_Mons') +
        '\r\n' +
        EVENT('b@x', '20191026T113000', '20191026T123000'),
    ),
    /Mars|TZID/,
    'survive',
    /UID a@x.*Mars\/Olympus_Mons.*left out/,
  );
  v(
    'unknown TZID',
    ICS(EVENT('a@x', '20191026T100000', '20191026T110000', 'Mars/Olympus_Mons')),
    /Mars|zone|TZID/i,
  );
  v('DTSTART garbage', ICS(EVENT('a@x', 'tomorrow', '20191026T110000')), /a@x|DTSTART|start/i);
  v('no events', ICS(''), /event|empty|nothing/i, 'survive');
  v(
    'unknown calendar zone',
    ICS(
      EVENT('a@x', '20191026T100000Z', '20191026T110000Z', 'UTC').replace(/;TZID=UTC/g, ''),
      'Mars/Olympus_Mons',
    ),
    /Mars|zone/i,
    'survive',
  );
  v(
    '10 MB summary',
    ICS(EVENT('a@x', '20191026T100000', '20191026T110000', 'Europe/Berlin', TEN_MB)),
    /./,
    'survive',
  );
  v(
    'duplicate UIDs',
    ICS(
      EVENT('a@x', '20191026T100000', '20191026T110000') +
        '\r\n' +
        EVENT('a@x', '20191026T120000', '20191026T130000'),
    ),
    /a@x|duplicate|UID/i,
    'survive',
  );
  return out;
}

export function allVariants(): Variant[] {
  return [...hallwayVariants(), ...c3vocVariants(), ...frabXmlVariants(), ...icalVariants()];
}
