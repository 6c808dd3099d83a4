import { describe, expect, it } from 'vitest';
import { ClockInput } from '../../../../core/protocol/index.js';

describe('ClockInput', () => {
  it.each([
    ['2019-05-20T10:25:00-07:00', true],
    ['1970-01-01T00:00:00Z', true],
    ['9000-12-31T23:00:00Z', true],
    ['9999-12-31T20:00:00-08:00', false],
    ['1969-12-31T23:59:00Z', false],
  ])('set at %s: accepted %s', (at, ok) => {
    const r = ClockInput.safeParse({ action: 'set', at, rate: 1 });
    expect(r.success).toBe(ok);
    if (!r.success)
      expect(r.error.issues[0]).toMatchObject({ path: ['at'], message: 'must be in the years 1970 to 9000' });
  });
});
