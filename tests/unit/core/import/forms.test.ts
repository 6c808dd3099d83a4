import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, importSchedule, type ImportOptions } from '../../../../core/import/index.js';
import type { StoredProgram as Program } from '../../../../core/program/schema.js';

/**
 * The forms real conferences publish (tests/fixtures/schedules/README.md says which each file
 * mimics): each is imported, and each irregularity is a warning naming the event.
 */
const FIXTURES = join(__dirname, '../../../fixtures/schedules');
const read = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');

function load(file: string, opts: ImportOptions = {}): { program: Program; notes: string[] } {
  const r = importSchedule(read(file), opts);
  if (!r.ok) throw new Error(`${file}: ${r.errors.join('\n')}`);
  return r;
}
const times = (p: Program) => p.sessions.map((s) => [s.id, s.start, s.end, s.room]);

describe('Sessionize "All Data" JSON', () => {
  const file = 'sessionize-all-data.json';

  it('is found by its content, BOM and all', () => {
    expect(read(file).charCodeAt(0)).toBe(0xfeff);
    expect(detectFormat(read(file))).toBe('sessionize');
  });

  it('reads its offset-less times in the --zone, with its own string ids and room ids', () => {
    const { program, notes } = load(file, { zone: 'Europe/Zurich' });
    expect(program.conference.timeZone).toBe('Europe/Zurich');
    expect(times(program)).toEqual([
      ['ev-581204', '2024-06-12T09:00:00+02:00', '2024-06-12T09:45:00+02:00', 'room-44001'],
      ['ev-c2a4e1f0-service-coffee', '2024-06-12T09:45:00+02:00', '2024-06-12T10:15:00+02:00', null],
      ['ev-581378', '2024-06-12T10:15:00+02:00', '2024-06-12T11:00:00+02:00', 'room-44001'],
      ['ev-581377', '2024-06-12T10:15:00+02:00', '2024-06-12T11:00:00+02:00', 'room-44002'],
      ['ev-c2a4e1f0-service-lunch', '2024-06-12T12:00:00+02:00', '2024-06-12T13:00:00+02:00', 'room-44003'],
    ]);
    expect(program.rooms.map((r) => r.name)).toEqual(['Main Hall', 'Room B', 'Foyer']);
    expect(notes).toEqual(['1 session(s) without a time (not scheduled in Sessionize yet): left out']);
  });

  it('makes service sessions breaks and meals and plenum sessions plenary, all for everyone', () => {
    const { program } = load(file, { zone: 'Europe/Zurich' });
    const by = (id: string) => program.sessions.find((s) => s.id === id)!;
    expect([by('ev-581204').kind, by('ev-581204').audience]).toEqual(['plenary', 'everyone']);
    expect([by('ev-c2a4e1f0-service-coffee').kind, by('ev-c2a4e1f0-service-coffee').audience]).toEqual([
      'break',
      'everyone',
    ]);
    expect([by('ev-c2a4e1f0-service-lunch').kind, by('ev-c2a4e1f0-service-lunch').audience]).toEqual([
      'meal',
      'everyone',
    ]);
    expect(by('ev-581377')).toMatchObject({
      title: "Zürich's trams, in Rust",
      track: 'Systems',
      type: 'Session (45 min)',
      audience: 'room',
      abstract: 'Real-time\npassenger information.',
      speakers: [
        { name: 'Ada Lovelace', role: 'Engineer, Analytical Engines Ltd', bio: 'Writes compilers.' },
        { name: 'Jürg Müller' },
      ],
    });
  });

  it('without --zone says in one line that it needs one', () => {
    const { program, notes } = load(file);
    expect(program.conference.timeZone).toBe('UTC');
    expect(notes.filter((n) => /zone/.test(n))).toEqual([
      "the file names no time zone and writes its times without an offset: read as UTC; pass --zone with the venue's zone (like --zone Europe/Berlin) to read them right",
    ]);
  });
});

describe('very old Pentabarf XML', () => {
  it('reads events straight under <day>, their room as text, ids from 0, no <date>, an empty <end>', () => {
    const { program, notes } = load('pentabarf-old.schedule.xml', { zone: 'Europe/Brussels' });
    expect(program.rooms).toEqual([
      { id: 'janson', name: 'Janson' },
      { id: 'h-1301', name: 'H.1301' },
    ]);
    expect(times(program)).toEqual([
      ['ev-0', '2007-02-24T09:30:00+01:00', '2007-02-24T10:00:00+01:00', 'janson'],
      ['ev-1', '2007-02-24T10:00:00+01:00', '2007-02-24T11:00:00+01:00', 'janson'],
      ['ev-2', '2007-02-24T10:00:00+01:00', '2007-02-24T10:45:00+01:00', 'h-1301'],
      ['ev-3', '2007-02-25T11:00:00+01:00', '2007-02-25T11:50:00+01:00', 'h-1301'],
    ]);
    expect(notes).toEqual([]);
  });

  it.each([
    ['no date on its days', (x: string) => x.replace(/ date="[^"]*"/g, ''), 'has no date'],
    ['neither date nor index', (x: string) => x.replace(/ date="[^"]*" index="\d+"/g, ''), 'has no date'],
    [
      'a date that is no date',
      (x: string) => x.replace(/ date="2007-02-25"/, ' date="Sunday"'),
      'its date "Sunday" is not a date',
    ],
  ])('places a <day> with %s from the conference start and its index, saying so', (_, cut, said) => {
    const r = importSchedule(cut(read('pentabarf-old.schedule.xml')), { zone: 'Europe/Brussels' });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(times(r.program).map((t) => t[1])).toEqual([
      '2007-02-24T09:30:00+01:00',
      '2007-02-24T10:00:00+01:00',
      '2007-02-24T10:00:00+01:00',
      '2007-02-25T11:00:00+01:00',
    ]);
    expect(r.notes).toContain(
      `schedule.day[1]: ${said}: taken as 2007-02-25, day 2 from the conference's start`,
    );
  });

  it('asks for --zone in one line when neither file nor command names one', () => {
    expect(load('pentabarf-old.schedule.xml').notes).toEqual([
      "the file names no time zone and writes its times without an offset: read as UTC; pass --zone with the venue's zone (like --zone Europe/Berlin) to read them right",
    ]);
  });
});

describe('times past midnight (28C3: day_change 04:00)', () => {
  it.each([
    // id, start, end: a <start> before day_change is the night after its <day>
    ['ev-4711', '2011-12-27T23:00:00+01:00', '2011-12-28T00:00:00+01:00'],
    ['ev-4712', '2011-12-28T00:15:00+01:00', '2011-12-28T01:45:00+01:00'],
    ['ev-4713', '2011-12-28T03:59:00+01:00', '2011-12-28T04:29:00+01:00'],
    // an event with a <date> of its own is where its date says
    ['ev-4714', '2011-12-27T01:00:00+01:00', '2011-12-27T01:30:00+01:00'],
  ])('%s runs %s – %s', (id, start, end) => {
    const s = load('past-midnight.schedule.xml').program.sessions.find((x) => x.id === id)!;
    expect([s.start, s.end]).toEqual([start, end]);
  });
});

describe('mixed offsets, and an event of a merged schedule in another zone', () => {
  it('keeps every instant, names the event written in another offset, and takes day_start == day_end', () => {
    const { program, notes } = load('mixed-offsets.schedule.json');
    expect(program.conference).toMatchObject({
      timeZone: 'Europe/Amsterdam',
      start: '2024-03-08',
      end: '2024-03-09',
    });
    expect(times(program).map((t) => t.slice(0, 3))).toEqual([
      ['ev-101', '2024-03-08T10:00:00+01:00', '2024-03-08T10:45:00+01:00'],
      ['ev-102', '2024-03-08T11:00:00+01:00', '2024-03-08T12:00:00+01:00'],
      // 09:00-05:00 is 15:00 in Amsterdam
      ['ev-901', '2024-03-08T15:00:00+01:00', '2024-03-08T15:30:00+01:00'],
    ]);
    expect(notes).toEqual([
      'time zone Europe/Amsterdam as the file states, but 1 of 3 events are written with another offset (-05:00): their instants are kept and shown in Europe/Amsterdam time; pass --zone if the venue is elsewhere: ev-901 "Live from New York" (-05:00)',
    ]);
  });
});

describe('free-form fields', () => {
  it('frab XML: duration "1:00", an empty <duration>, <link>/<attachment> titles, US/Eastern, "//" in URLs', () => {
    const { program, notes } = load('free-form.schedule.xml');
    expect(program.conference).toMatchObject({
      id: '4242',
      timeZone: 'America/New_York',
      url: 'https://fff.example.org/schedule/',
    });
    expect(program.sessions.map((s) => [s.id, s.title, s.start, s.end])).toEqual([
      ['ev-10', 'Keynote in one hour', '2023-10-14T09:00:00-04:00', '2023-10-14T10:00:00-04:00'],
      // no duration: until the next event in the room
      ['ev-11', 'Talk with an empty duration', '2023-10-14T10:15:00-04:00', '2023-10-14T10:45:00-04:00'],
      ['ev-12', 'Next talk', '2023-10-14T10:45:00-04:00', '2023-10-14T11:15:00-04:00'],
    ]);
    expect(program.sessions[0]?.url).toBe('https://fff.example.org/talks/10');
    expect(notes).toEqual([
      'the file\'s time zone "US/Eastern" is an old name for America/New_York: America/New_York used',
      'ev-10 "Keynote in one hour": its URL has "//" inside its path: read with one "/"',
      'ev-11 "Talk with an empty duration": has no duration or end: assumed it lasts until the next event in its room, at most an hour',
    ]);
  });

  it('c3voc JSON: a numeric acronym, text ids, a non-ASCII id and person code, the room list beside the conference', () => {
    const { program, notes } = load('free-form.schedule.json');
    expect(program.conference.id).toBe('2022');
    expect(program.rooms).toEqual([{ id: 'room-99411f15-7335-4d36-abac-3ff0419ec954', name: 'Winterchaos' }]);
    expect(program.sessions.map((s) => [s.id, s.speakers])).toEqual([
      ['ev-2814', [{ name: 'Mänu' }]],
      ['ev-MAN0-talk', []],
    ]);
    for (const s of program.sessions) expect(s.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/);
    expect(notes).toEqual([
      'schedule.conference.acronym: the number 2022 where text is due: read as "2022"',
      'schedule.rooms: the room list is beside the conference, where the c3voc schema has none: read as schedule.conference.rooms',
      '2 events: its id is written as text, where the c3voc format has a number: taken as written: ev-2814 "Internal Penetration Testing Basics", ev-MAN0-talk "Lightning round"',
      'ev-2814 "Internal Penetration Testing Basics": speaker "Mänu" has the code "MÄN0", not capital letters and digits: the code is not used',
      'ev-2814 "Internal Penetration Testing Basics": its URL has "//" inside its path: read with one "/"',
      'ev-MAN0-talk "Lightning round": its id "MÄN0-talk" has letters a Hallway id cannot hold: made ev-MAN0-talk',
      'ev-MAN0-talk "Lightning round": has no duration or end: assumed it lasts until the next event in its room, at most an hour',
    ]);
  });
});

describe('hand-made iCalendar', () => {
  it('tells reused UIDs apart, reads DURATION, keeps events without LOCATION, UTC times shown in the venue zone', () => {
    const { program, notes } = load('hand-made.ics');
    expect(program.conference.timeZone).toBe('America/New_York');
    expect(program.sessions.map((s) => [s.id, s.title, s.start, s.end, s.room, s.audience])).toEqual([
      [
        'ev-pizza-handmade.example',
        'Pizza and welcome',
        '2024-04-15T18:00:00-04:00',
        '2024-04-15T19:00:00-04:00',
        null,
        'everyone',
      ],
      [
        'ev-talk-handmade.example-room-2-building-a',
        'Rust, WebAssembly, and you',
        '2024-04-15T19:00:00-04:00',
        '2024-04-15T19:30:00-04:00',
        'room-2-building-a',
        'room',
      ],
      [
        'ev-talk-handmade.example-room-1',
        'Padded title',
        '2024-04-15T19:30:00-04:00',
        '2024-04-15T20:15:00-04:00',
        'room-1',
        'room',
      ],
    ]);
    expect(program.rooms.map((r) => r.name)).toEqual(['Room 2, Building A', 'Room 1']);
    expect(notes).toEqual([
      '1 indented line(s) read as properties of their own, not as the folded rest of the line before',
      'VEVENT[1] (UID talk@handmade.example).guid: "talk@handmade.example" is also the guid of VEVENT[0] (UID talk@handmade.example); kept on both',
      '2 events: shares its id with another event (the same id in another room, or a reused UID): told apart by room, then start: ev-talk-handmade.example-room-2-building-a "Rust, WebAssembly, and you", ev-talk-handmade.example-room-1 "Padded title"',
      'ev-pizza-handmade.example "Pizza and welcome": no LOCATION: shown on every screen as a venue-wide session',
    ]);
  });

  it('unfolds lines folded every 75 characters rather than octets, accents intact', () => {
    const text = read('hand-made.ics');
    expect(text.split('\r\n').some((l) => Buffer.byteLength(l) > 75)).toBe(true);
    const abstract = load('hand-made.ics').program.sessions[1]?.abstract ?? '';
    expect(abstract).toMatch(
      /^Une présentation très détaillée sur les élèves, les cafés et les crêpes: ça dure/,
    );
    expect(abstract).toContain('naïve résumé déjà vu à la carte.');
    expect(abstract).not.toContain('\uFFFD');
  });
});

describe('frab-like XML written by a template', () => {
  it('reads local times marked Z as local, keeps one <person> of several names, tells one id in two rooms apart', () => {
    const { program, notes } = load('frab-template.schedule.xml');
    expect(program.sessions.map((s) => [s.id, s.start, s.room, s.speakers])).toEqual([
      ['ev-1', '2024-07-06T10:00:00+02:00', 'main-stage', [{ name: 'Ada Lovelace, Grace Hopper' }]],
      ['ev-2-main-stage', '2024-07-06T11:00:00+02:00', 'main-stage', []],
      ['ev-2-workshop-tent', '2024-07-06T11:00:00+02:00', 'workshop-tent', []],
    ]);
    expect(notes).toEqual([
      '3 events: its time is marked Z (UTC) but matches its local start time: read as Europe/Berlin local time: ev-1 "Welcome", ev-2-main-stage "Soldering 101", ev-2-workshop-tent "Lockpicking"',
      '2 events: shares its id with another event (the same id in another room, or a reused UID): told apart by room, then start: ev-2-main-stage "Soldering 101", ev-2-workshop-tent "Lockpicking"',
    ]);
  });

  it('says so when every session falls at night in the venue zone (local times marked Z, no <start> to tell)', () => {
    const xml = read('frab-template.schedule.xml')
      .replace(/<start>[^<]*<\/start>/g, '')
      .replace('Europe/Berlin', 'America/Chicago');
    const r = importSchedule(xml);
    expect(r.ok && r.program.sessions[0]?.start).toBe('2024-07-06T05:00:00-05:00');
    expect(r.ok && r.notes).toContain(
      "every session starts between 00:00 and 07:00 in America/Chicago: if the file's times are local times marked Z (UTC), fix the export, or pass --zone UTC to show them as written",
    );
  });
});

describe('stable ids across versions of one source', () => {
  it('keeps session and room ids when a room with a guid is renamed and events are reordered', () => {
    const v1 = load('stable-v1.schedule.json').program;
    const v2 = load('stable-v2.schedule.json').program;
    const ids = (p: Program) => new Map(p.sessions.map((s) => [s.guid, [s.id, s.room]]));
    expect(ids(v2)).toEqual(ids(v1));
    const room = (p: Program, name: string) => p.rooms.find((r) => r.name === name)?.id;
    expect(room(v2, 'Ada Lovelace Hall')).toBe(room(v1, 'Hall A'));
    expect(room(v1, 'Hall A')).toBe('room-a1f0c9d2-0000-4000-8000-00000000000a');
    expect(v2.sessions.find((s) => s.id === 'ev-32')?.title).toBe('Second (retitled)');
  });

  it.each([
    ['Sessionize', 'sessionize-all-data.json', (t: string) => reverseJson(t, (d) => d.sessions.reverse())],
    ['iCalendar', 'hand-made.ics', (t: string) => reverseIcs(t)],
    ['frab XML, one id in two rooms', 'frab-template.schedule.xml', (t: string) => reverseRooms(t)],
  ])('%s: the same ids with the events in another order', (_, file, reorder) => {
    const a = importSchedule(read(file), { zone: 'Europe/Zurich' });
    const b = importSchedule(reorder(read(file)), { zone: 'Europe/Zurich' });
    if (!a.ok || !b.ok) throw new Error('import failed');
    const key = (p: Program) => p.sessions.map((s) => `${s.id} ${s.title} ${s.room ?? '-'}`).sort();
    expect(key(b.program)).toEqual(key(a.program));
  });
});

describe('ids from the source, never from the place in the file', () => {
  it('an event with no id, guid or UID gets one from its title and start, with a warning', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:test',
      'X-WR-TIMEZONE:Europe/Berlin',
      'BEGIN:VEVENT',
      'DTSTART;TZID=Europe/Berlin:20240501T100000',
      'DURATION:PT1H',
      'SUMMARY:Bring your own board',
      'LOCATION:Lab',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const r = importSchedule(ics);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.program.sessions[0]?.id).toBe('ev-bring-your-own-board-20240501T1000');
    expect(r.notes).toEqual([
      'ev-bring-your-own-board-20240501T1000 "Bring your own board": has no id, guid or UID: its id is made from its title and start, so it changes when they do',
    ]);
  });

  it('a frab room guid names the room, so a renamed room keeps its id', () => {
    const xml = (name: string) =>
      read('past-midnight.schedule.xml').replace(
        '<room name="Saal 1">',
        `<room name="${name}" guid="7f9c2b1e-0000-4000-8000-0000000000a1">`,
      );
    const before = importSchedule(xml('Saal 1'));
    const after = importSchedule(xml('Saal Eins'));
    if (!before.ok || !after.ok) throw new Error('import failed');
    expect(before.program.rooms).toEqual([
      { id: 'room-7f9c2b1e-0000-4000-8000-0000000000a1', name: 'Saal 1' },
    ]);
    expect(after.program.rooms).toEqual([
      { id: 'room-7f9c2b1e-0000-4000-8000-0000000000a1', name: 'Saal Eins' },
    ]);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reorders a fixture in place
function reverseJson(text: string, fn: (d: any) => void): string {
  const d: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  fn(d);
  return JSON.stringify(d);
}
function reverseIcs(text: string): string {
  const events = text.match(/BEGIN:VEVENT[\s\S]*?END:VEVENT\r\n/g)!;
  const head = text.slice(0, text.indexOf('BEGIN:VEVENT'));
  return `${head}${[...events].reverse().join('')}END:VCALENDAR\r\n`;
}
function reverseRooms(text: string): string {
  const rooms = text.match(/<room name=[\s\S]*?<\/room>\s*(?=<room name|<\/day>)/g)!;
  const start = text.indexOf(rooms[0]!);
  const end = text.indexOf(rooms[rooms.length - 1]!) + rooms[rooms.length - 1]!.length;
  return text.slice(0, start) + [...rooms].reverse().join('\n') + text.slice(end);
}
