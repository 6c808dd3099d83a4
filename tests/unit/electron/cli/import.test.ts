import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseProgram } from '../../../../core/program/parse.js';
import { cli, ROOT, scratch } from './helpers.js';

const SHARED = join(ROOT, '../shared/fixtures/schedules');
let dir: string;
beforeEach(() => {
  dir = scratch('hallway-cli-import-');
});

describe('hallway import', () => {
  it('writes a Hallway program with -o and reports counts and the assumed zone', async () => {
    const out = join(dir, 'program.json');
    const r = await cli('import', join(SHARED, '31c3.schedule.xml'), '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^imported 31\. Chaos Communication Congress: 138 sessions, 4 rooms, zone Europe\/Berlin/,
    );
    expect(r.out).toMatch(/^warning: no time zone in the file: assumed Europe\/Berlin/m);
    const parsed = parseProgram(JSON.parse(readFileSync(out, 'utf8')));
    expect(parsed.ok && parsed.program.sessions.length).toBe(138);
  });

  it('prints the program when there is no -o, the report going to stderr', async () => {
    const r = await cli('import', join(SHARED, 'pretalx-rc3.json'), '--zone', 'Europe/Vienna');
    expect(r.code).toBe(0);
    const program = JSON.parse(r.out) as { conference: { timeZone: string } };
    expect(program.conference.timeZone).toBe('Europe/Vienna');
    expect(r.err).toMatch(/^imported rC3 Channels: 48 sessions, 5 rooms/);
  });

  it('exits 1 listing every problem of a schedule whose times cannot be read', async () => {
    const r = await cli('import', join(ROOT, 'tests/fixtures/schedules/unreadable-times.schedule.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/4 problems/);
    expect(r.err).toContain(
      'schedule.conference.days[0].rooms["Hall"][1] (2 "Written in words"): its date "11 Uhr"',
    );
  });

  it('imports Sessionize with --format and --zone, printing each warning', async () => {
    const out = join(dir, 'program.json');
    const file = join(ROOT, 'tests/fixtures/schedules/sessionize-all-data.json');
    const r = await cli('import', file, '--format', 'sessionize', '--zone', 'Europe/Zurich', '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^imported Imported schedule: 5 sessions, 3 rooms, zone Europe\/Zurich/);
    expect(r.out).toMatch(/^warning: 1 session\(s\) without a time .*: left out$/m);
  });

  it.each([
    [['import'], /give the schedule file to import/],
    [
      ['import', 'a.xml', '--format', 'csv'],
      /--format must be one of hallway, frab-xml \(xml, frab, pentabarf\)/,
    ],
  ])('refuses %j with usage', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
