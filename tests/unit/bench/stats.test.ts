import { describe, expect, it } from 'vitest';
import { median, minMax, percentile } from '../../../bench/stats.js';

describe('percentile (nearest rank)', () => {
  it.each([
    { xs: [5], p: 99, want: 5 },
    { xs: [3, 1, 2], p: 50, want: 2 },
    { xs: [1, 2, 3, 4], p: 50, want: 2 },
    { xs: [1, 2, 3, 4], p: 75, want: 3 },
    { xs: [1, 2, 3, 4], p: 100, want: 4 },
    { xs: [1, 2, 3, 4], p: 0, want: 1 },
    { xs: Array.from({ length: 100 }, (_, i) => i + 1), p: 99, want: 99 },
    { xs: Array.from({ length: 250 }, (_, i) => 250 - i), p: 99, want: 248 },
  ])('p$p of $xs.length samples → $want', ({ xs, p, want }) => {
    expect(percentile(xs, p)).toBe(want);
  });

  it('does not reorder the caller’s array', () => {
    const xs = [3, 1, 2];
    percentile(xs, 50);
    expect(xs).toEqual([3, 1, 2]);
  });

  it.each([
    [[], 50, /no samples/],
    [[1], 101, /0\.\.100/],
    [[1], Number.NaN, /0\.\.100/],
  ] as const)('rejects %j at p=%d', (xs, p, msg) => {
    expect(() => percentile(xs, p)).toThrow(msg);
  });
});

describe('median', () => {
  it.each([
    { xs: [7], want: 7 },
    { xs: [9, 1, 5], want: 5 },
    { xs: [4, 1, 3, 2], want: 2.5 },
    { xs: [-1, 1], want: 0 },
  ])('$xs → $want', ({ xs, want }) => {
    expect(median(xs)).toBe(want);
  });

  it('rejects an empty sample', () => {
    expect(() => median([])).toThrow(/no samples/);
  });
});

describe('minMax', () => {
  it('gives the extremes', () => {
    expect(minMax([3, -2, 8, 0])).toEqual([-2, 8]);
  });
});
