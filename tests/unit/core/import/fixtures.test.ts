import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../../../core/import/index.js';
import { parseProgram } from '../../../../core/program/parse.js';
import type { StoredProgram } from '../../../../core/program/schema.js';

const SHARED = join(__dirname, '../../../../../shared/fixtures/schedules');
const read = (name: string) => readFileSync(join(SHARED, name), 'utf8');

function imported(name: string): { program: StoredProgram; notes: string[] } {
  const r = importSchedule(read(name));
  if (!r.ok) throw new Error(`${name}: ${r.errors.slice(0, 5).join('\n')}`);
  return r;
}

describe('importing the published schedules', () => {
  it.each([
    // file, rooms, events, zone, first room, note about the zone
    ['31c3.schedule.xml', 4, 138, 'Europe/Berlin', 'Saal 1', /assumed Europe\/Berlin.*\+01:00/],
    ['35c3-everything.schedule.xml', 75, 927, 'Europe/Berlin', 'Adams', /assumed Europe\/Berlin/],
    ['35c3-everything.schedule.json', 75, 927, 'Europe/Berlin', 'Adams', /assumed Europe\/Berlin/],
    ['frab-camp2019.json', 2, 79, 'Europe/Berlin', 'Curie', null],
    ['pretalx-democon.json', 2, 36, 'UTC', 'Gray Room', /UTC as the file states.*\+01:00/],
    ['pretalx-rc3.json', 5, 48, 'Europe/Berlin', 'r3s - Monheim/Rhein', /assumed Europe\/Berlin/],
  ] as const)('%s: %i rooms, %i events in %s', (file, rooms, events, zone, firstRoom, zoneNote) => {
    const { program, notes } = imported(file);
    expect(program.rooms).toHaveLength(rooms);
    expect(program.sessions).toHaveLength(events);
    expect(program.conference.timeZone).toBe(zone);
    expect(program.rooms[0]?.name).toBe(firstRoom);
    if (zoneNote) expect(notes.join('\n')).toMatch(zoneNote);
    else expect(notes.join('\n')).not.toMatch(/zone/);
    // every session time is written with the venue offset at that instant
    for (const s of program.sessions) {
      expect(Date.parse(s.end)).toBeGreaterThan(Date.parse(s.start));
      expect(s.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/);
    }
  });

  it('gives a program parseProgram accepts, warning of the published same-room overlaps', () => {
    for (const file of [
      '31c3.schedule.xml',
      'frab-camp2019.json',
      'pretalx-democon.json',
      'pretalx-rc3.json',
    ])
      expect(parseProgram(imported(file).program).ok, file).toBe(true);
    // 35C3 double-books rooms (self-organised sessions): kept, and reported in the notes
    const { program, notes } = imported('35c3-everything.schedule.json');
    const parsed = parseProgram(program);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.warnings.length).toBe(96);
    expect(parsed.warnings.every((e) => / overlaps sessions\[/.test(e))).toBe(true);
    expect(notes.join('\n')).toMatch(new RegExp(`${parsed.warnings.length} same-room overlap`));
  });

  it('reads the 35C3 XML and JSON into the same program', () => {
    const xml = imported('35c3-everything.schedule.xml').program;
    const json = imported('35c3-everything.schedule.json').program;
    expect(xml.rooms).toEqual(json.rooms);
    expect(xml.sessions.map((s) => s.id)).toEqual(json.sessions.map((s) => s.id));
    const byGuid = new Map(json.sessions.map((s) => [s.guid, s]));
    for (const s of xml.sessions) {
      const j = byGuid.get(s.guid);
      expect(j, s.id).toBeDefined();
      expect([s.start, s.end, s.room, s.title]).toEqual([j!.start, j!.end, j!.room, j!.title]);
    }
    expect(xml.sessions).toEqual(json.sessions);
    expect(xml.conference).toEqual(json.conference);
  });

  it('maps a 31C3 event field by field, with the venue offset', () => {
    const { program } = imported('31c3.schedule.xml');
    const keynote = program.sessions.find((s) => s.id === 'ev-6571');
    expect(keynote).toEqual({
      id: 'ev-6571',
      title: '31C3 Keynote',
      subtitle: 'A New Dawn',
      kind: 'talk',
      audience: 'room',
      start: '2014-12-27T11:30:00+01:00',
      end: '2014-12-27T12:30:00+01:00',
      room: 'saal-1',
      track: 'CCC',
      chairs: [],
      sponsors: [],
      talks: [],
      speakers: [{ name: 'alecempire' }],
      abstract: 'The 31C3 Keynote\n\nA New Dawn',
      language: 'en',
      type: 'lecture',
      guid: '8c4e647f-813e-41ef-b05b-65469dd841c3',
    });
    expect(program.conference).toMatchObject({ id: '31c3', name: '31. Chaos Communication Congress' });
  });

  it('keeps events after midnight on their real date (31C3 days end at 04:00)', () => {
    const { program } = imported('31c3.schedule.xml');
    const late = program.sessions.filter((s) => s.start.slice(11, 13) < '05');
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((s) => s.start.endsWith('+01:00'))).toBe(true);
  });

  it('reads 35C3 durations written 1:00 as well as 01:00', () => {
    const { program } = imported('35c3-everything.schedule.xml');
    // "Join us now and sing" is written <duration>0:10</duration>, in the room with no name
    const song = program.sessions.find((s) => s.id === 'ev-1150')!;
    expect([song.start, song.end]).toEqual(['2018-12-27T20:00:00+01:00', '2018-12-27T20:10:00+01:00']);
    expect(song.room).toBe('unnamed-room');
    expect(program.rooms.find((r) => r.id === 'unnamed-room')?.name).toBe('Unnamed room');
    const longest = Math.max(...program.sessions.map((s) => s.title.length));
    expect(longest).toBe(121);
  });

  it('takes the zone the file states (camp2019) and the --zone option over a guess', () => {
    expect(imported('frab-camp2019.json').program.sessions[0]?.start).toBe('2019-08-21T11:00:00+02:00');
    const r = importSchedule(read('pretalx-rc3.json'), { zone: 'Europe/Amsterdam' });
    expect(r.ok && r.program.conference.timeZone).toBe('Europe/Amsterdam');
    expect(r.ok && r.notes.join()).not.toMatch(/assumed/);
  });

  it('turns pretalx Markdown and frab HTML abstracts into plain text', () => {
    const { program } = imported('frab-camp2019.json');
    for (const s of program.sessions) {
      expect(s.abstract ?? '').not.toMatch(/<\/?(p|br|a|em|strong)\b/i);
      expect(s.abstract ?? '').not.toMatch(/&(amp|lt|gt|quot|nbsp);/);
      expect(s.abstract ?? '').not.toMatch(/\r/);
    }
  });
});
