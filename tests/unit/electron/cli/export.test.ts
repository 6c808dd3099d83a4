import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importSchedule } from '../../../../core/import/index.js';
import { cli, ROOT, scratch } from './helpers.js';

const OPML = join(ROOT, 'data/opml19.json');
let dir: string;
beforeEach(() => {
  dir = scratch('hallway-cli-export-');
});

/** A data dir as `hallway serve --data` leaves it: a store with an override log. */
function dataDirWith(...overrides: object[]): string {
  const data = join(dir, 'data');
  const journal = overrides.map((override, i) => ({
    type: 'override',
    revision: i + 1,
    at: '2019-05-20T08:00:00-07:00',
    override,
  }));
  mkdirSync(data);
  writeFileSync(join(data, 'config.json'), JSON.stringify({ journal, settings: {} }));
  return data;
}
describe('hallway export', () => {
  it('writes the effective schedule.json: delays and cancellations applied', async () => {
    const data = dataDirWith(
      { kind: 'cancel', session: 'tut-pm1' },
      { kind: 'delay', session: 'keynote', minutes: 10 },
    );
    const out = join(dir, 'schedule.json');
    const r = await cli('export', '--program', OPML, '--data', data, '-o', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /exported 19 sessions of .* as c3voc schedule\.json with 2 override\(s\) \(1 cancelled\)/,
    );
    const back = importSchedule(readFileSync(out, 'utf8'));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.program.sessions.find((s) => s.id === 'keynote')?.start).toBe('2019-05-20T09:25:00-07:00');
    expect(back.notes.join()).toMatch(/marked cancelled.*tut-pm1/);
  });

  it('prints an .ics without a data dir (the program as published)', async () => {
    const r = await cli('export', '--format', 'ics', '--program', OPML);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^BEGIN:VCALENDAR/);
    expect(r.out).not.toMatch(/STATUS:CANCELLED/);
  });

  it.each([
    [['export', '--format', 'pdf'], 2, /--format must be json or ics/],
    [['export', '--program', '/nonexistent/p.json'], 1, /no such file/],
  ])('%j exits %i', async (args, code, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
  });
});
