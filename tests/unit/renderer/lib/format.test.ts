import { describe, expect, it } from 'vitest';
import { dayFrom, startsLabel } from '../../../../renderer/lib/format.js';
import { opml19, t, twoDays } from '../../core/fixtures.js';

// A next session on another day says the day, not "in 15 h" (issue 11, bug 4).
describe('startsLabel: when the next session starts, from the instant asked about', () => {
  const mini = twoDays();
  const opml = opml19();
  it.each([
    ['same day, minutes away', mini, '2024-06-11T10:00:00+02:00', '2024-06-11T09:45:00+02:00', 'in 15 min'],
    ['same day, hours away', mini, '2024-06-10T13:30:00+02:00', '2024-06-10T10:00:00+02:00', 'in 3 h 30 min'],
    ['starting now', mini, '2024-06-10T10:00:00+02:00', '2024-06-10T10:00:00+02:00', 'now'],
    [
      'the evening before',
      mini,
      '2024-06-11T10:00:00+02:00',
      '2024-06-10T19:00:00+02:00',
      'Tomorrow 10:00 AM',
    ],
    // Past midnight is still the day before until 04:00: the party's night, not "today".
    [
      'at 01:00 after the party',
      mini,
      '2024-06-11T10:00:00+02:00',
      '2024-06-11T01:00:00+02:00',
      'Tomorrow 10:00 AM',
    ],
    ['after 04:00 it is today', mini, '2024-06-11T10:00:00+02:00', '2024-06-11T04:00:00+02:00', 'in 6 h'],
    [
      'five days ahead: the weekday',
      opml,
      '2019-05-20T10:30:00-07:00',
      '2019-05-15T12:00:00-07:00',
      'Monday 10:30 AM',
    ],
    [
      'a week or more ahead: the date',
      opml,
      '2019-05-20T10:30:00-07:00',
      '2019-05-01T12:00:00-07:00',
      'Monday, May 20 10:30 AM',
    ],
  ])('%s', (_, p, start, at, want) => {
    expect(startsLabel(p, start, t(at))).toBe(want);
  });

  it.each([
    ['2024-06-10T23:30:00+02:00', '2024-06-10T09:00:00+02:00', null],
    ['2024-06-11T10:00:00+02:00', '2024-06-10T09:00:00+02:00', 'Tomorrow'],
  ])('dayFrom(%s, at %s) = %s', (start, at, want) => {
    expect(dayFrom(mini, start, t(at))).toBe(want);
  });
});
