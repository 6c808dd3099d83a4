import { describe, expect, it } from 'vitest';
import { detectFormat, importSchedule } from '../../../../core/import/index.js';

function errorsOf(text: string, opts = {}): string[] {
  const r = importSchedule(text, opts);
  if (r.ok) throw new Error('expected the import to fail');
  return r.errors;
}

const c3voc = (events: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    schedule: {
      version: '1',
      conference: {
        acronym: 'test',
        title: 'Test',
        start: '2019-05-20',
        end: '2019-05-20',
        time_zone_name: 'America/Los_Angeles',
        days: [{ index: 1, date: '2019-05-20', rooms: { 'Room 1': events } }],
        ...extra,
      },
    },
  });
const event = (over: Record<string, unknown> = {}) => ({
  id: 1,
  guid: 'a0a0fcfe-b7fb-46e3-84b6-97a5406016b4',
  date: '2019-05-20T10:30:00-07:00',
  start: '10:30',
  duration: '00:30',
  room: 'Room 1',
  title: 'A talk',
  persons: [],
  ...over,
});

describe('refusing broken schedules, naming every field', () => {
  it('leaves out each event no time can be read from, naming it, and imports the rest', () => {
    const r = importSchedule(
      c3voc([
        event(),
        event({ id: 2, guid: 'b', date: '20.05.2019 11:00', title: 'Dotted date' }),
        event({
          id: 3,
          guid: 'c',
          date: '2019-05-20T11:30:00-07:00',
          duration: 'half an hour',
          title: 'Wordy',
        }),
        event({ id: 4, guid: 'd', date: 'soon', title: 'Soon' }),
      ]),
    );
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.program.sessions.map((s) => s.title)).toEqual(['A talk', 'Wordy']);
    expect(r.notes).toEqual(
      expect.arrayContaining([
        'schedule.conference.days[0].rooms["Room 1"][1] (2 "Dotted date"): its date "20.05.2019 11:00" is not an ISO date-time with offset, like 2019-12-27T11:00:00+01:00; the event is left out',
        'schedule.conference.days[0].rooms["Room 1"][3] (4 "Soon"): its date "soon" is not an ISO date-time with offset, like 2019-12-27T11:00:00+01:00; the event is left out',
      ]),
    );
    // A start that can be read keeps the event: its unreadable duration is assumed, and said.
    const wordy = r.notes.filter((n) => n.includes('"Wordy"')).join('\n');
    expect(wordy).toMatch(/its duration "half an hour" is not hours:minutes like 01:30: not used/);
    expect(wordy).toMatch(/has no duration or end: assumed it lasts until the next event in its room/);
    expect(r.program.sessions[1]!.end).toBe('2019-05-20T12:30:00-07:00');
  });

  it('refuses a schedule none of whose events has a time, naming every one', () => {
    expect(
      errorsOf(
        c3voc([event({ date: 'soon' }), event({ id: 2, guid: 'b', date: undefined, title: 'Dateless' })]),
      ),
    ).toEqual([
      'schedule.conference.days[0].rooms["Room 1"][0] (1 "A talk"): its date "soon" is not an ISO date-time with offset, like 2019-12-27T11:00:00+01:00; the event is left out',
      'schedule.conference.days[0].rooms["Room 1"][1] (2 "Dateless"): it has no date; the event is left out',
      '(file): no event in it has a time that can be read: nothing for the screens to show; fix the times named above and import it again',
    ]);
  });

  it.each([
    ['c3voc JSON', () => c3voc([])],
    ['iCalendar', () => 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nEND:VCALENDAR\r\n'],
  ])('refuses a %s schedule with no events, saying so', (_, text) => {
    expect(errorsOf(text())).toEqual([
      '(file): the schedule has no events: nothing for the screens to show; export the full schedule',
    ]);
  });

  it('keeps an event that ends before it starts with an assumed end, and refuses an unknown --zone', () => {
    const r = importSchedule(
      c3voc([event({ duration: '0:00' }), event({ id: 2, guid: 'b', date: '2019-05-20T10:45:00-07:00' })]),
    );
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.program.sessions[0]!.end).toBe('2019-05-20T10:45:00-07:00');
    expect(r.notes.join('\n')).toMatch(
      /"A talk": its duration is not after its start \(it lasts 0 minutes\): assumed it lasts until the next event in its room, at most an hour/,
    );
    expect(errorsOf(c3voc([event()]), { zone: 'Mars/Olympus' })).toEqual([
      'zone: "Mars/Olympus" is not an IANA time zone; use one like Europe/Berlin',
    ]);
  });

  it.each([
    ['<!DOCTYPE html><html><body>Login</body></html>', /HTML page/],
    ['', /empty/],
    ['{"rooms": []}', /neither a Hallway program .*, a c3voc schedule\.json .* nor a Sessionize/],
    [
      '[{"id": "1", "sessions": []}]',
      /JSON array, not a schedule: from Sessionize, export the API view "All Data"/,
    ],
    ['name,start\nx,y', /not XML, JSON or iCalendar/],
  ])('says what a file that is no schedule looks like: %j', (text, message) => {
    expect(errorsOf(text)[0]).toMatch(message);
  });

  it('reports malformed XML with its line', () => {
    expect(errorsOf('<schedule><conference><title>x</conference></schedule>')[0]).toMatch(/^\(xml\) line 1/);
  });
});

describe('detectFormat', () => {
  it.each([
    ['<?xml version="1.0"?>\n<schedule>', 'frab-xml'],
    ['\uFEFFBEGIN:VCALENDAR\r\nVERSION:2.0', 'ical'],
    ['{ "schedule": { "conference": {} } }', 'c3voc-json'],
    ['{ "$schema": "x", "schedule": {} }', 'c3voc-json'],
    ['{ "format": "hallway-program", "version": 1 }', 'hallway'],
    ['{ "version": 1, "rooms": [], "format": "hallway-program" }', 'hallway'],
    ['<html>', null],
  ])('%j is %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('imports with a forced format, and says so when the content is not that format', () => {
    const r = importSchedule(c3voc([event()]), { format: 'frab-xml' });
    expect(r.ok).toBe(false);
  });
});
