import { describe, expect, it } from 'vitest';
import { addSample, bestSkew, skewSample } from '../../../../renderer/lib/skew.js';

describe('skew', () => {
  it.each([
    // host stamped hostReal; we sent at `sent` and got it at `received` (our clock)
    { hostReal: 10_050, sent: 0, received: 100, skew: 10_000, rtt: 100 },
    { hostReal: 500, sent: 1_000, received: 1_000, skew: -500, rtt: 0 },
    { hostReal: 1_000, sent: 1_000, received: 900, skew: 0, rtt: 0 }, // our clock stepped back: rtt clamped
  ])(
    'sample hostReal=$hostReal sent=$sent received=$received → skew $skew',
    ({ hostReal, sent, received, skew, rtt }) => {
      expect(skewSample(hostReal, sent, received)).toEqual({ skew, rtt });
    },
  );

  it('trusts the sample with the shortest round trip', () => {
    let s = addSample([], { skew: 900, rtt: 400 });
    s = addSample(s, { skew: 1_000, rtt: 10 });
    s = addSample(s, { skew: 1_200, rtt: 300 });
    expect(bestSkew(s)).toBe(1_000);
  });

  it('forgets samples older than the last `keep`', () => {
    let s = addSample([], { skew: 5, rtt: 1 });
    for (let i = 0; i < 3; i++) s = addSample(s, { skew: 100, rtt: 50 }, 3);
    expect(s).toHaveLength(3);
    expect(bestSkew(s)).toBe(100);
  });

  it('is 0 without samples', () => {
    expect(bestSkew([])).toBe(0);
  });
});
