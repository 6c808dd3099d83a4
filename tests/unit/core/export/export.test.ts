import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { exportC3vocJson, exportIcal } from '../../../../core/export/index.js';
import { importSchedule } from '../../../../core/import/index.js';
import { applyOverrides, asEffective } from '../../../../core/overrides/apply.js';
import type { JournalEntry, OverrideInput } from '../../../../core/overrides/schema.js';
import { parseProgram } from '../../../../core/program/parse.js';
import type { Program, StoredProgram } from '../../../../core/program/schema.js';

const SHARED = join(__dirname, '../../../../../shared/fixtures/schedules');
const OWN = join(__dirname, '../../../fixtures/schedules');
const STAMP = Date.parse('2019-05-01T12:00:00Z');

const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv);
ajv.addFormat('color', true);
const validate = ajv.compile(
  JSON.parse(readFileSync(join(SHARED, 'schedule.schema.json'), 'utf8')) as object,
);

function opml(): Program {
  const r = parseProgram(JSON.parse(readFileSync(join(__dirname, '../../../../data/opml19.json'), 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return asEffective(r.program);
}
function imported(path: string): Program {
  const r = importSchedule(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return asEffective(r.program);
}
function reimport(text: string): { program: StoredProgram; notes: string[] } {
  const r = importSchedule(text);
  if (!r.ok) throw new Error(r.errors.slice(0, 5).join('\n'));
  return r;
}
function effective(p: Program, ...overrides: OverrideInput[]): Program {
  const journal: JournalEntry[] = overrides.map((override, i) => ({
    type: 'override',
    revision: i + 1,
    at: '2019-05-20T08:00:00-07:00',
    override,
  }));
  const r = applyOverrides(p, journal);
  expect(r.problems).toEqual([]);
  return r.program;
}

const SOURCES: [string, () => Program][] = [
  ['OpML 19 (data/opml19.json)', opml],
  ['31c3.schedule.xml', () => imported(join(SHARED, '31c3.schedule.xml'))],
  ['35c3-everything.schedule.xml', () => imported(join(SHARED, '35c3-everything.schedule.xml'))],
  ['frab-camp2019.json', () => imported(join(SHARED, 'frab-camp2019.json'))],
  ['pretalx-democon.json', () => imported(join(SHARED, 'pretalx-democon.json'))],
  ['pretalx-rc3.json', () => imported(join(SHARED, 'pretalx-rc3.json'))],
  ['dst-berlin.schedule.xml (own)', () => imported(join(OWN, 'dst-berlin.schedule.xml'))],
  ['track-colours.schedule.json (own)', () => imported(join(OWN, 'track-colours.schedule.json'))],
];

describe.each(SOURCES)('export of %s', (_name, load) => {
  const program = load();

  it('is a schedule.json valid against the c3voc schema', () => {
    const ok = validate(JSON.parse(exportC3vocJson(program)));
    expect(validate.errors?.slice(0, 5) ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('round-trips through schedule.json: import → export → import gives the same program', () => {
    expect(asEffective(reimport(exportC3vocJson(program)).program)).toEqual(program);
  });

  it('round-trips through .ics', () => {
    expect(asEffective(reimport(exportIcal(program, { stamp: STAMP })).program)).toEqual(program);
  });
});

describe('export of the effective program (overrides applied)', () => {
  const program = effective(
    opml(),
    { kind: 'cancel', session: 'tut-pm1', note: 'speaker ill' },
    { kind: 'delay', session: 'keynote', minutes: 10 },
  );

  it('marks a cancelled session in schedule.json with a title prefix, and reads it back as a note', () => {
    const doc = JSON.parse(exportC3vocJson(program)) as {
      schedule: { conference: { days: { rooms: Record<string, { title: string; date: string }[]> }[] } };
    };
    const events = doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    const title = program.sessions.find((s) => s.id === 'tut-pm1')!.title;
    expect(events.map((e) => e.title)).toContain(`[Cancelled] ${title}`);
    const back = reimport(exportC3vocJson(program));
    expect(back.program.sessions.find((s) => s.id === 'tut-pm1')?.title).toBe(title);
    expect(back.notes.join('\n')).toMatch(/1 event\(s\) marked cancelled in the file.*tut-pm1/);
    expect(validate(doc)).toBe(true);
  });

  it('writes the delayed time', () => {
    const back = reimport(exportC3vocJson(program)).program;
    const keynote = back.sessions.find((s) => s.id === 'keynote')!;
    expect([keynote.start, keynote.end]).toEqual(['2019-05-20T09:25:00-07:00', '2019-05-20T10:10:00-07:00']);
  });

  it('writes STATUS:CANCELLED in the .ics, times in UTC, the venue zone named', () => {
    const ics = exportIcal(program, { stamp: STAMP });
    const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('America/Los_Angeles');
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(program.sessions.length);
    const cancelled = events.filter((e) => e.getFirstPropertyValue('status') === 'CANCELLED');
    expect(cancelled.map((e) => e.getFirstPropertyValue('uid'))).toEqual(['tut-pm1@opml19.hallway']);
    const keynote = events.find((e) => e.getFirstPropertyValue('uid') === 'keynote@opml19.hallway')!;
    expect(keynote.getFirstProperty('dtstart')!.toICALString()).toBe('DTSTART:20190520T162500Z');
    expect(ics).toMatch(/\r\n$/);
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(reimport(ics).notes.join('\n')).toMatch(/marked cancelled.*tut-pm1/);
  });
});
