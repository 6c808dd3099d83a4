import { describe, expect, it } from 'vitest';
import { fitSize } from '../../../../renderer/lib/fit.js';

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
