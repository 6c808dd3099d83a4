import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, scratch } from './helpers.js';

describe('hallway check', () => {
  it('OK with the counts on data/opml19.json', async () => {
    const r = await cli('check', join(ROOT, 'data', 'opml19.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^OK: 19 sessions, 39 talks, 5 rooms, zone America\/Los_Angeles, 2019-05-20$/m);
  });

  it('exit 1 on a schedule whose times cannot be read, every problem with its path', async () => {
    const r = await cli('check', join(ROOT, 'tests/fixtures/schedules/unreadable-times.schedule.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('unreadable-times.schedule.json');
    expect(r.err).toMatch(
      /schedule\.conference\.days\[0\]\.rooms\["Hall"\]\[0\] \(1 "Unplaceable"\): its date "Saturday morning"/,
    );
    expect(r.out).toBe('');
  });

  it('OK on the c3voc "invalid example" as published, each irregularity a warning naming the event', async () => {
    const r = await cli('check', join(ROOT, '../shared/fixtures/schedules/invalid-example.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^OK: 1 sessions, 0 talks, 1 rooms, zone Europe\/Zurich/m);
    expect(r.out).toContain(
      'warning: ev-2814 "Internal Penetration Testing Basics": its id is written as text, where the c3voc format has a number: taken as written',
    );
  });

  it('takes --zone for a schedule that names none, and asks for it when not given', async () => {
    const file = join(ROOT, 'tests/fixtures/schedules/sessionize-all-data.json');
    const without = await cli('check', file);
    expect(without.code).toBe(0);
    expect(without.out).toMatch(/^warning: the file names no time zone .*pass --zone/m);
    const given = await cli('check', file, '--zone', 'Europe/Zurich');
    expect(given.out).toMatch(/^OK: 5 sessions, 0 talks, 3 rooms, zone Europe\/Zurich, 2024-06-12$/m);
    expect(given.out).not.toMatch(/--zone/);
  });

  it('says where a Hallway program is wrong', async () => {
    const dir = scratch('hallway-check-');
    const file = join(dir, 'p.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'hallway-program',
        version: 1,
        conference: { id: 'c', name: 'C', timeZone: 'Mars/Olympus', start: '2019-05-20', end: '2019-05-20' },
        rooms: [],
        sessions: [],
      }),
    );
    const r = await cli('check', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('conference.timeZone');
  });

  it.each([
    [['check'], 2, 'give the file'],
    [['check', 'a', 'b'], 2, 'one file only'],
    [['check', '/nonexistent/x.json'], 1, 'no such file'],
    [['bogus'], 2, 'unknown command "bogus"'],
  ])('%j → exit %i saying %s', async (args, code, text) => {
    const r = await cli(...args);
    expect(r.code).toBe(code);
    expect(r.err).toContain(text);
  });

  it('--help prints the usage', async () => {
    const r = await cli('check', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: hallway check FILE');
  });
});
