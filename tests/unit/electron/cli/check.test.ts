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

  it('exit 1 on the invalid example, every problem with its path', async () => {
    const r = await cli('check', join(ROOT, '..', 'shared', 'fixtures', 'schedules', 'invalid-example.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('invalid-example.json');
    expect(r.err).toMatch(/schedule\.conference\.days\[0\]/);
    expect(r.out).toBe('');
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
