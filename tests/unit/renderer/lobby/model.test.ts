import { describe, expect, it } from 'vitest';
import { nowNextRows } from '../../../../renderer/lobby/model.js';
import { t, twoDays } from '../../core/fixtures.js';

describe('lobby now & next rows', () => {
  const mini = twoDays();
  it.each([
    ['the same day: the time and how soon', '2024-06-10T09:45:00+02:00', '10:00 AM · in 15 min'],
    ['the evening before: the day, not "in 15 h"', '2024-06-10T19:00:00+02:00', 'Tomorrow 10:00 AM'],
  ])('%s', (_, at, want) => {
    const [row] = nowNextRows(mini, [mini.rooms[0]!], t(at));
    expect(row?.next?.when).toBe(want);
  });
});
