import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asEffective } from '../../../../core/overrides/apply.js';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../../../core/import/index.js';
import type { Program } from '../../../../core/program/schema.js';

// Berlin, Sunday 2019-10-27: at 03:00 CEST the clocks go back to 02:00 CET, so 02:30 happens twice.
const FIXTURES = join(__dirname, '../../../fixtures/schedules');

function load(file: string): Program {
  const r = importSchedule(readFileSync(join(FIXTURES, file), 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return asEffective(r.program);
}
const minutes = (s: { start: string; end: string }) => (Date.parse(s.end) - Date.parse(s.start)) / 60_000;

describe.each(['dst-berlin.schedule.xml', 'dst-berlin.ics'])('%s across the end of summer time', (file) => {
  const program = load(file);
  const byTitle = (t: string) => program.sessions.find((s) => s.title === t)!;

  it('finds the venue zone Europe/Berlin', () => {
    expect(program.conference.timeZone).toBe('Europe/Berlin');
  });

  it.each([
    // title, start, end, minutes
    ['Late talk before midnight', '2019-10-26T23:00:00+02:00', '2019-10-27T00:00:00+02:00', 60],
    ['Two hours across the change', '2019-10-27T01:30:00+02:00', '2019-10-27T02:30:00+01:00', 120],
    ['The first 02:30 (summer time)', '2019-10-27T02:30:00+02:00', '2019-10-27T02:00:00+01:00', 30],
    ['The second 02:30 (winter time)', '2019-10-27T02:30:00+01:00', '2019-10-27T03:30:00+01:00', 60],
  ])('%s: %s – %s (%i min)', (title, start, end, length) => {
    const s = byTitle(title);
    expect([s.start, s.end, minutes(s)]).toEqual([start, end, length]);
  });

  it('orders the two 02:30 talks by instant, one hour apart', () => {
    const first = byTitle('The first 02:30 (summer time)');
    const second = byTitle('The second 02:30 (winter time)');
    expect(Date.parse(second.start) - Date.parse(first.start)).toBe(3_600_000);
    expect(program.sessions.indexOf(first)).toBeLessThan(program.sessions.indexOf(second));
  });

  it('keeps the rooms in file order and the abstract as text', () => {
    expect(program.rooms).toEqual([
      { id: 'keller', name: 'Keller' },
      { id: 'dach', name: 'Dach' },
    ]);
    expect(byTitle('Late talk before midnight').abstract).toBe(
      'Runs to midnight & a bit.\n\nSecond paragraph\nwith a break.',
    );
  });
});
