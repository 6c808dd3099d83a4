import { describe, expect, it } from 'vitest';
import { estimateSize, fitSize, nextTrial, record, type Search } from '../../../../renderer/lib/fit.js';

describe('fitSize', () => {
  it('keeps the full size when it fits', () => {
    expect(fitSize(() => true, 80, 20)).toBe(80);
  });

  it.each([
    { limit: 50, max: 80, min: 20 },
    { limit: 33.3, max: 80, min: 20 },
    { limit: 79, max: 80, min: 20 },
  ])('finds the largest size ≤ $limit that fits (max $max)', ({ limit, max, min }) => {
    const px = fitSize((s) => s <= limit, max, min);
    expect(px).toBeLessThanOrEqual(limit);
    expect(px).toBeGreaterThan(limit - (max - min) / 2 ** 8);
  });

  it('gives the minimum when nothing fits', () => {
    expect(fitSize(() => false, 80, 20)).toBe(20);
  });
});

describe('the batched search (estimateSize, nextTrial, record)', () => {
  const search = (max: number, min: number): Search => ({ max, min, lo: min, hi: max, loOk: false });
  /** Runs the search against a monotone `fits`; returns the size and how many trials it took. */
  const run = (s: Search, fits: (px: number) => boolean, first: number) => {
    let trials = 0;
    for (let t: number | null = first; t !== null && trials < 30; t = nextTrial(s)) {
      record(s, t, fits(t));
      trials++;
    }
    return { px: s.loOk ? s.lo : s.min, trials };
  };

  it.each([
    { limit: 50, max: 80, min: 20, guess: 48 },
    { limit: 50, max: 80, min: 20, guess: 55 },
    { limit: 33.3, max: 80, min: 20, guess: 20 },
    { limit: 79, max: 80, min: 20, guess: 60 },
  ])('finds the largest size ≤ $limit from a guess of $guess', ({ limit, max, min, guess }) => {
    const { px, trials } = run(search(max, min), (x) => x <= limit, guess);
    expect(px).toBeLessThanOrEqual(limit);
    expect(px).toBeGreaterThan(limit - Math.max(0.4, max * 0.01));
    expect(trials).toBeLessThan(12);
  });

  it('ends at the minimum, unfitted, when nothing fits', () => {
    const s = search(80, 20);
    const { px } = run(s, () => false, 40);
    expect(px).toBe(20);
    expect(s.loOk).toBe(false);
  });

  it('takes a few trials when the estimate is close', () => {
    expect(run(search(80, 20), (x) => x <= 50, 49).trials).toBeLessThanOrEqual(5);
  });

  it.each([
    { h: 0.25, w: 1, want: 80 * 0.5 * 0.98 },
    { h: 1, w: 0.5, want: 80 * 0.5 * 0.98 },
    { h: 0.01, w: 1, want: 20 },
  ])('estimates from the overflow at full size (height ratio $h, width ratio $w)', ({ h, w, want }) => {
    expect(estimateSize(search(80, 20), h, w)).toBeCloseTo(want, 5);
  });
});
