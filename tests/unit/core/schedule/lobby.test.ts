import { describe, expect, it } from 'vitest';
import { lobby, lobbyWindow } from '../../../../core/schedule/lobby.js';
import { opml19, t, twoDays } from '../fixtures.js';

const program = opml19();

describe('lobby', () => {
  it('the OpML day: rooms in program order, half-hour rows in venue time, venue-wide items across', () => {
    const g = lobby(program, t('2019-05-20T10:10:00-07:00'));
    expect(g.from).toBe('2019-05-20T08:00:00-07:00');
    expect(g.until).toBe('2019-05-20T19:00:00-07:00');
    expect(g.rooms.map((r) => r.id)).toEqual([
      'santa-clara-ballroom',
      'winchester',
      'stevens-creek',
      'lawrence-san-tomas-lafayette',
      'magnolia',
    ]);
    expect(g.rows).toHaveLength(22);
    expect(g.rows[0]).toEqual({ start: '2019-05-20T08:00:00-07:00', label: '8:00 AM', top: 0 });
    expect(g.rows[5]).toEqual({ start: '2019-05-20T10:30:00-07:00', label: '10:30 AM', top: 150 });
    expect(g.nowLine).toBe(130);
    const cell = (id: string) => g.cells.find((c) => c.session.id === id);
    expect(cell('break-am')).toMatchObject({ column: null, top: 120, bottom: 150, state: 'now' });
    expect(cell('breakfast')).toMatchObject({ column: null, top: 0, bottom: 60, state: 'past' });
    expect(cell('t1-production')).toMatchObject({ column: 1, top: 150, bottom: 270, state: 'future' });
    expect(cell('lunch')).toMatchObject({ column: 4, top: 270, bottom: 330 });
    expect(cell('keynote')).toMatchObject({ column: 0 });
    expect(g.cells).toHaveLength(program.sessions.length);
  });

  it.each([
    ['2019-05-20T10:10:00-07:00', '2019-05-20T17:10:00Z'],
    ['2019-05-20T18:30:00-07:00', '2019-05-21T10:30:00+09:00'],
  ])('%s and %s give the same grid', (a, b) => {
    expect(lobby(program, t(b))).toEqual(lobby(program, t(a)));
  });

  it.each<[string, string, number | null]>([
    ['the day before: the first day, no now line', '2019-05-19T10:00:00-07:00', null],
    ['before the first session', '2019-05-20T07:00:00-07:00', null],
    ['the start of the window', '2019-05-20T08:00:00-07:00', 0],
    ['the end of the window', '2019-05-20T19:00:00-07:00', 660],
    ['the day after: the last day shown', '2019-05-21T10:00:00-07:00', null],
  ])('%s (%s)', (_name, at, nowLine) => {
    const g = lobby(program, t(at));
    expect(g.from).toBe('2019-05-20T08:00:00-07:00');
    expect(g.nowLine).toBe(nowLine);
  });

  it('a given window clips cells and keeps only rooms with something in it', () => {
    const g = lobby(program, t('2019-05-20T13:00:00-07:00'), {
      from: t('2019-05-20T12:00:00-07:00'),
      until: t('2019-05-20T14:00:00-07:00'),
    });
    expect(g.rooms.map((r) => r.id)).toEqual([
      'winchester',
      'stevens-creek',
      'lawrence-san-tomas-lafayette',
      'magnolia',
    ]);
    expect(g.rows.map((r) => r.label)).toEqual(['12:00 PM', '12:30 PM', '1:00 PM', '1:30 PM']);
    expect(g.cells.find((c) => c.session.id === 't1-production')).toMatchObject({
      top: 0,
      bottom: 30,
      state: 'past',
    });
    expect(g.cells.find((c) => c.session.id === 't2-pm1')).toMatchObject({ column: 1, top: 90, bottom: 120 });
    expect(g.nowLine).toBe(60);
  });

  it.each<[string, string, string, string[]]>([
    ['day 1', '2024-06-10T12:00:00+02:00', '2024-06-10T09:00:00+02:00', ['a', 'b', 'c']],
    [
      'after midnight, still day 1',
      '2024-06-11T01:00:00+02:00',
      '2024-06-10T09:00:00+02:00',
      ['a', 'b', 'c'],
    ],
    ['day 2: only its rooms', '2024-06-11T09:00:00+02:00', '2024-06-11T10:00:00+02:00', ['a', 'b']],
  ])('several days: %s', (_name, at, from, rooms) => {
    const g = lobby(twoDays(), t(at));
    expect(g.from).toBe(from);
    expect(g.rooms.map((r) => r.id)).toEqual(rooms);
  });

  it('day 1 of the mini program ends after midnight, on a half hour', () => {
    expect(lobby(twoDays(), t('2024-06-10T12:00:00+02:00')).until).toBe('2024-06-11T01:30:00+02:00');
  });
});

describe('lobbyWindow: the board’s window without its rows and cells', () => {
  it.each([
    ['OpML ’19, the day before', '2019-05-19T12:00:00-07:00'],
    ['OpML ’19, mid-morning', '2019-05-20T10:35:00-07:00'],
    ['OpML ’19, the evening after', '2019-05-20T22:00:00-07:00'],
    ['OpML ’19, a week later', '2019-05-27T09:00:00-07:00'],
    ['two days, day 1 at the party', '2024-06-10T23:30:00+02:00'],
    ['two days, after midnight', '2024-06-11T01:00:00+02:00'],
    ['two days, day 2', '2024-06-11T10:30:00+02:00'],
  ])('%s (%s): the window lobby() shows', (name, iso) => {
    const p = name.startsWith('OpML') ? opml19() : twoDays();
    const w = lobbyWindow(p, t(iso));
    const grid = lobby(p, t(iso));
    expect([w.from, w.until]).toEqual([t(grid.from), t(grid.until)]);
  });
});
