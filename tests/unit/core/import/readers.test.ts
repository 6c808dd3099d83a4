import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../../../core/import/index.js';

function ok(text: string, opts = {}) {
  const r = importSchedule(text, opts);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r;
}

describe('old Pentabarf XML: no <date>, only <start> within the day', () => {
  const xml = (zoneTag: string) => `<?xml version="1.0"?>
<schedule><conference><acronym>pb09</acronym><title>Pentabarf 09</title>${zoneTag}</conference>
<day index="1" date="2009-12-27" start="2009-12-27T10:00:00+01:00">
  <room name="Saal 1">
    <event id="1"><start>23:30</start><duration>01:00</duration><title>Before midnight</title></event>
    <event id="2"><start>01:00</start><duration>0:45</duration><title>After midnight</title><persons><person id="9">Eve &amp; Mallory</person></persons></event>
  </room>
</day></schedule>`;

  it.each([
    ['ev-1', '2009-12-27T23:30:00+01:00', '2009-12-28T00:30:00+01:00'],
    ['ev-2', '2009-12-28T01:00:00+01:00', '2009-12-28T01:45:00+01:00'],
  ])('%s runs %s – %s (a start before the day start is the next morning)', (id, start, end) => {
    const { program } = ok(xml('<time_zone_name>Europe/Berlin</time_zone_name>'));
    const s = program.sessions.find((x) => x.id === id)!;
    expect([s.start, s.end]).toEqual([start, end]);
  });

  it('reads wall times in the --zone when the file names none', () => {
    const { program, notes } = ok(xml(''), { zone: 'Europe/London' });
    expect(program.sessions[0]?.start).toBe('2009-12-27T23:30:00+00:00');
    expect(program.sessions[1]?.speakers).toEqual([{ name: 'Eve & Mallory' }]);
    expect(notes).toEqual([]);
  });
});

describe('iCalendar oddities', () => {
  const cal = (events: string, head = '') =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:test', head, events, 'END:VCALENDAR']
      .filter(Boolean)
      .join('\r\n');

  it('reads floating times in the venue zone, leaves all-day events out and says so', () => {
    const { program, notes } = ok(
      cal(
        [
          'BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20190520T103000\r\nDURATION:PT30M\r\nSUMMARY:Floating\r\nLOCATION:Hall\r\nEND:VEVENT',
          'BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20190520\r\nSUMMARY:All day\r\nEND:VEVENT',
          'BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20190520T180000Z\r\nDTEND:20190520T190000Z\r\nSUMMARY:No room\r\nSTATUS:CANCELLED\r\nEND:VEVENT',
        ].join('\r\n'),
      ),
      { zone: 'America/Los_Angeles' },
    );
    expect(program.sessions.map((s) => [s.id, s.start, s.end, s.room, s.audience])).toEqual([
      ['ev-a', '2019-05-20T10:30:00-07:00', '2019-05-20T11:00:00-07:00', 'hall', 'room'],
      ['ev-c', '2019-05-20T11:00:00-07:00', '2019-05-20T12:00:00-07:00', null, 'everyone'],
    ]);
    expect(notes.join('\n')).toMatch(/1 all-day event\(s\) left out/);
    expect(notes.join('\n')).toMatch(/1 event\(s\) marked cancelled in the file.*ev-c "No room"/);
  });

  it('takes the zone of the one TZID the calendar uses when X-WR-TIMEZONE is missing', () => {
    const { program, notes } = ok(
      cal(
        'BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Asia/Tokyo:20190520T103000\r\nDURATION:PT1H\r\nSUMMARY:Tokyo\r\nEND:VEVENT',
      ),
    );
    expect(program.conference.timeZone).toBe('Asia/Tokyo');
    expect(program.sessions[0]?.start).toBe('2019-05-20T10:30:00+09:00');
    expect(notes).toEqual(['ev-a "Tokyo": no LOCATION: shown on every screen as a venue-wide session']);
  });

  it('assumes UTC for a calendar of UTC times only, and says so', () => {
    const { program, notes } = ok(
      cal('BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20190520T103000Z\r\nDURATION:PT1H\r\nSUMMARY:x\r\nEND:VEVENT'),
    );
    expect(program.conference.timeZone).toBe('UTC');
    expect(notes.join()).toMatch(/assumed UTC/);
  });
});
