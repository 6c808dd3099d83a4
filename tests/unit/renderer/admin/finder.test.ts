import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../../../core/import/index.js';
import { ProgramShape, type Program } from '../../../../core/program/schema.js';
import { sessionDay } from '../../../../core/schedule/sessions.js';
import { programDays } from '../../../../renderer/admin/days.js';
import { defaultDay, findSessions, firstFound } from '../../../../renderer/admin/finder.js';

const root = resolve(import.meta.dirname, '../../../..');
const opml = ProgramShape.parse(JSON.parse(readFileSync(resolve(root, 'data/opml19.json'), 'utf8')));
const imported = importSchedule(
  readFileSync(resolve(root, '../shared/fixtures/schedules/35c3-everything.schedule.xml'), 'utf8'),
);
if (!imported.ok) throw new Error(imported.errors.join('\n'));
// Through the schema: the effective program's shape, whatever type the importer returns.
const c3: Program = ProgramShape.parse(imported.program);
const ids = (f: ReturnType<typeof findSessions>) =>
  Object.fromEntries(f.groups.map((g) => [g.group, g.matches.map((m) => m.session.id)]));

describe('findSessions on OpML ’19', () => {
  const day = '2019-05-20';
  it.each([
    // at, the first on-now ids and the next-in-each-room ids
    [
      '2019-05-20T10:45:00-07:00',
      ['t1-production', 't2-deep-learning', 'tut-am'],
      ['lunch', 't1-pm1', 't2-pm1', 'tut-pm1', 'break-pm'],
    ],
    ['2019-05-20T12:40:00-07:00', ['lunch'], ['t1-pm1', 't2-pm1', 'tut-pm1', 'break-pm']],
  ])('at %s: on now first, then the next session of each room', (at, now, next) => {
    const f = ids(findSessions(opml, { query: '', day, room: '' }, Date.parse(at)));
    expect(f.now).toEqual(now);
    expect([...f.next!].sort()).toEqual([...next].sort());
    expect(Object.keys(f)).toEqual(['now', 'next', 'later', 'earlier']);
  });

  it('narrows to a room, and says how many match on the days left out', () => {
    const at = Date.parse('2019-05-20T10:45:00-07:00');
    const f = findSessions(opml, { query: '', day, room: 'winchester' }, at);
    expect(firstFound(f)?.id).toBe('t1-production');
    expect(f.groups.flatMap((g) => g.matches).every((m) => m.session.room === 'winchester')).toBe(true);
    expect(findSessions(opml, { query: 'magnolia', day: '2019-05-21', room: '' }, at).elsewhere).toBe(1);
  });
});

describe('findSessions on 35C3 (4 days, 75 rooms)', () => {
  const days = programDays(c3);
  const at = Date.parse('2018-12-27T14:00:00+01:00');

  // A night event at 04:00 on Dec 31 is a day of its own by core's rollover: the list says so.
  it('lists the days and opens on today', () => {
    expect(days.map((d) => d.label)).toEqual([
      'Day 1 · Thu Dec 27',
      'Day 2 · Fri Dec 28',
      'Day 3 · Sat Dec 29',
      'Day 4 · Sun Dec 30',
      'Day 5 · Mon Dec 31',
    ]);
    expect(
      defaultDay(
        days.map((d) => d.date),
        c3,
        at,
      ),
    ).toBe('2018-12-27');
    expect(
      defaultDay(
        days.map((d) => d.date),
        c3,
        Date.parse('2019-02-01T12:00:00+01:00'),
      ),
    ).toBe('2018-12-31');
  });

  it.each([
    ['borg', '2018-12-29'],
    ['borg sat', ''],
    ['Borg Saturday', ''],
    ['day3 borg', '2018-12-27'],
  ])('typing “%s” (day filter “%s”) finds Borg’s sessions of day 3 first', (query, day) => {
    const f = findSessions(c3, { query, day, room: '' }, at);
    const first = firstFound(f)!;
    expect(first.room).toBe('borg');
    expect(sessionDay(c3, first)).toBe('2018-12-29');
    const all = f.groups.flatMap((g) => g.matches.map((m) => m.session));
    expect(all.every((s) => s.room === 'borg' && sessionDay(c3, s) === '2018-12-29')).toBe(true);
  });
});
