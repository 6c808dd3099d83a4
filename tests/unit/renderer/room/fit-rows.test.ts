import { describe, expect, it } from 'vitest';
import { fitRows, rowsThatFit } from '../../../../renderer/room/fit-rows.js';

describe('"Elsewhere now" shows what fits and counts the rest', () => {
  it.each([
    [1920, 1080, 5],
    [1080, 1920, 11],
    [3840, 2160, 5],
    [1280, 720, 5],
    [800, 800, 5],
    [600, 200, 5],
  ])('%i×%i fits %i rows', (w, h, rows) => {
    expect(rowsThatFit(w, h)).toBe(rows);
  });

  const rows = Array.from({ length: 27 }, (_, i) => i);
  it.each([
    [rows.slice(0, 3), 5, [0, 1, 2], 0],
    [rows.slice(0, 5), 5, [0, 1, 2, 3, 4], 0],
    [rows.slice(0, 6), 5, [0, 1, 2, 3], 2],
    [rows, 11, rows.slice(0, 10), 17],
    [rows, 1, [0], 26],
  ])('%j in %i rows: shows %j, %i more', (all, fits, shown, more) => {
    expect(fitRows(all, fits)).toEqual({ shown, more });
  });
});
