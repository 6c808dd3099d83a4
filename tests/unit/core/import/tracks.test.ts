import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../../../core/import/index.js';

/** Track colours as schedules publish them: carried into the program, a bad one warned of, never refused. */
const FIXTURES = join(__dirname, '../../../fixtures/schedules');
const read = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');

function load(text: string) {
  const r = importSchedule(text);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r;
}

describe.each([
  [
    'track-colours.schedule.json',
    [
      { name: 'Security', colour: '#e12d39' },
      { name: 'Art & Culture', colour: '#00aa77' },
    ],
    [
      'schedule.conference.tracks[2]: track "Hardware & Making" has the colour "rgb(255, 0, 0)", not a colour like #ffb627: the screens show it without one',
      'schedule.conference.tracks[4]: track "Security" is listed again with another colour (#00ff00): kept its first, #e12d39',
    ],
  ],
  [
    'track-colours.schedule.xml',
    [
      { name: 'Security', colour: '#e12d39' },
      { name: 'Art & Culture', colour: '#00aa77' },
      { name: 'Science', colour: '#3366cc' },
    ],
    [
      'schedule.conference.tracks.track[0]: track "Hardware & Making" has the colour "red", not a colour like #ffb627: the screens show it without one',
    ],
  ],
])('%s', (file, tracks, warnings) => {
  const r = load(read(file));

  it('carries the readable colours into the program, case folded and #rgb widened', () => {
    expect(r.program.tracks).toEqual(tracks);
  });

  it('warns of each unreadable colour naming the track, and imports the rest', () => {
    expect(r.notes.filter((n) => n.includes('track "'))).toEqual(warnings);
    expect(r.program.sessions.length).toBeGreaterThan(0);
  });
});

describe('schedules without track colours', () => {
  const json = (tracks: unknown) =>
    JSON.stringify({
      schedule: {
        conference: {
          acronym: 'x',
          title: 'X',
          start: '2024-08-10',
          end: '2024-08-10',
          time_zone_name: 'Europe/Berlin',
          ...(tracks === undefined ? {} : { tracks }),
          days: [
            {
              index: 1,
              date: '2024-08-10',
              rooms: {
                A: [{ id: 1, guid: 'g1', date: '2024-08-10T10:00:00+02:00', duration: '01:00', title: 'T' }],
              },
            },
          ],
        },
      },
    });

  it.each([
    ['no tracks list', undefined, []],
    ['an empty list', [], []],
    ['tracks without colours', [{ name: 'Security' }, { name: 'Art', color: '' }], []],
    ['a track without a name', [{ color: '#123456' }], []],
    [
      'a list that is no list',
      'Security',
      ['schedule.conference.tracks: "Security" is not a list of tracks: no track colours read'],
    ],
  ])('%s: no tracks in the program', (_name, tracks, notes) => {
    const r = load(json(tracks));
    expect(r.program.tracks).toBeUndefined();
    expect(r.notes.filter((n) => n.includes('tracks'))).toEqual(notes);
  });

  it('iCalendar has none', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:test',
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART:20240810T080000Z',
      'DTEND:20240810T090000Z',
      'SUMMARY:Talk',
      'CATEGORIES:Security',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(load(ics).program.tracks).toBeUndefined();
  });
});
