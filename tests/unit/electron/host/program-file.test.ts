import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgramFileError, readProgramFile } from '../../../../electron/host/program-file.js';

const SHARED = join(__dirname, '../../../../../shared/fixtures/schedules');
const OPML = join(__dirname, '../../../../data/opml19.json');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallway-program-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture under a misleading name: the format comes from the content. */
function copyAs(fixture: string, name: string): string {
  const to = join(dir, name);
  copyFileSync(join(SHARED, fixture), to);
  return to;
}

async function problemsOf(p: Promise<unknown>): Promise<ProgramFileError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ProgramFileError);
  return e as ProgramFileError;
}

describe('readProgramFile', () => {
  it.each([
    ['31c3.schedule.xml', 'program.json', 138],
    ['35c3-everything.schedule.json', 'schedule.xml', 927],
    ['pretalx-democon.json', 'democon.txt', 36],
  ])('reads %s by its content, whatever its name (%s)', async (fixture, name, count) => {
    const { program, notes } = await readProgramFile(copyAs(fixture, name));
    expect(program.sessions).toHaveLength(count);
    expect(Array.isArray(notes)).toBe(true);
  });

  it('reads our own program format', async () => {
    const { program, notes } = await readProgramFile(OPML);
    expect(program.conference.timeZone).toBe('America/Los_Angeles');
    expect(notes).toEqual([]);
  });

  it('passes the zone on and says which zone it assumed', async () => {
    const path = copyAs('pretalx-rc3.json', 'rc3.json');
    expect((await readProgramFile(path)).notes.join('\n')).toMatch(/assumed Europe\/Berlin/);
    const forced = await readProgramFile(path, { zone: 'Europe/Vienna' });
    expect(forced.program.conference.timeZone).toBe('Europe/Vienna');
  });

  it('lists every problem of a schedule whose times cannot be read in one error', async () => {
    const to = join(dir, 'bad.json');
    copyFileSync(join(__dirname, '../../../fixtures/schedules/unreadable-times.schedule.json'), to);
    const e = await problemsOf(readProgramFile(to));
    expect(e.problems).toHaveLength(4);
    expect(e.message).toMatch(/bad\.json: cannot use this program file \(4 problems\)/);
    expect(e.message).toContain(
      'schedule.conference.days[0].rooms["Hall"][0] (1 "Unplaceable"): its date "Saturday morning"',
    );
    expect(e.message).toContain('no event in it has a time that can be read');
  });

  it('reads the c3voc "invalid example" as published, with a warning for each irregularity', async () => {
    const { program, notes } = await readProgramFile(copyAs('invalid-example.json', 'winter.json'));
    expect(program.sessions.map((s) => s.id)).toEqual(['ev-2814']);
    expect(notes.join('\n')).toMatch(
      /ev-2814 "Internal Penetration Testing Basics": speaker "Mänu" has the code "MÄaN0"/,
    );
  });

  it('lists the problems of an invalid Hallway program', async () => {
    const path = join(dir, 'p.json');
    writeFileSync(path, JSON.stringify({ format: 'hallway-program', version: 1, rooms: [], sessions: [] }));
    const e = await problemsOf(readProgramFile(path));
    expect(e.problems.join('\n')).toMatch(/^conference: /m);
  });

  it.each([
    ['missing.json', /no such file/],
    ['.', /is a directory/],
  ])('says why %s cannot be read', async (name, why) => {
    const e = await problemsOf(readProgramFile(join(dir, name)));
    expect(e.problems[0]).toMatch(why);
  });

  it('honours a forced format', async () => {
    const path = copyAs('frab-camp2019.json', 'camp.json');
    const e = await problemsOf(readProgramFile(path, { format: 'ical' }));
    expect(e.problems[0]).toMatch(/iCalendar/);
  });
});

describe('readProgramFile on an imported program saved as Hallway JSON', () => {
  it('keeps the same-room overlaps of the published schedule as a note', async () => {
    const first = await readProgramFile(join(SHARED, '35c3-everything.schedule.json'));
    const path = join(dir, 'p.json');
    writeFileSync(path, JSON.stringify(first.program));
    const again = await readProgramFile(path);
    expect(again.program).toEqual(first.program);
    expect(again.notes.join('\n')).toMatch(/^96 same-room overlap\(s\), kept/m);
  });

  it('still refuses a program with other problems, listing the overlaps too', async () => {
    const { program } = await readProgramFile(join(SHARED, '35c3-everything.schedule.json'));
    const path = join(dir, 'p.json');
    writeFileSync(
      path,
      JSON.stringify({ ...program, conference: { ...program.conference, timeZone: 'Mars/Base' } }),
    );
    const e = await problemsOf(readProgramFile(path));
    expect(e.problems[0]).toMatch(/^conference\.timeZone: "Mars\/Base" is not an IANA time zone/);
  });
});
