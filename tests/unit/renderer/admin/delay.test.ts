import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgramShape } from '../../../../core/program/schema.js';
import { delayPreview } from '../../../../renderer/admin/delay.js';

const program = ProgramShape.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../data/opml19.json'), 'utf8')),
);
const hm = (ms: number) =>
  new Date(ms).toLocaleTimeString('en-GB', {
    timeZone: 'America/Los_Angeles',
    hour: '2-digit',
    minute: '2-digit',
  });

describe('delayPreview', () => {
  it.each([
    // session, minutes, cascade, what moves (id start→newStart), overlaps created
    ['tut-pm1', 15, false, ['tut-pm1 13:30→13:45'], [['tut-pm1', 'tut-pm2']]],
    ['tut-pm1', 15, true, ['tut-pm1 13:30→13:45', 'tut-pm2 14:30→14:45', 'tut-pm3 16:00→16:15'], []],
    ['tut-pm2', -30, false, ['tut-pm2 14:30→14:00'], [['tut-pm2', 'tut-pm1']]],
    ['lunch', 10, true, ['lunch 12:30→12:40'], []],
    // Venue-wide: no room, so no overlap to speak of and no cascade.
    ['break-pm', 10, true, ['break-pm 15:30→15:40'], []],
  ])('%s by %i (cascade %s)', (session, minutes, cascade, moves, overlaps) => {
    const p = delayPreview(program, session, minutes, cascade)!;
    expect(p.shifted.map((x) => `${x.session.id} ${hm(x.start)}→${hm(x.newStart)}`)).toEqual(moves);
    expect(p.overlaps.map(([a, b]) => [a.id, b.id])).toEqual(overlaps);
  });

  it.each([
    ['no change', 't1-pm1', 0],
    ['an unknown session', 'nope', 10],
    ['half minutes', 't1-pm1', 2.5],
  ])('has nothing to show for %s', (_what, session, minutes) => {
    expect(delayPreview(program, session, minutes, false)).toBeNull();
  });
});
