import { describe, expect, it } from 'vitest';
import { frozenInstant } from '../../../../renderer/lib/frozen.js';

describe('frozenInstant', () => {
  it.each([
    { search: '?at=2019-05-20T10:30:00-07:00', at: Date.UTC(2019, 4, 20, 17, 30) },
    { search: '?at=2019-05-20T17:30Z', at: Date.UTC(2019, 4, 20, 17, 30) },
    { search: '?at=2019-05-20T10%3A30%3A00-07%3A00', at: Date.UTC(2019, 4, 20, 17, 30) },
    { search: '', at: null },
    { search: '?at=', at: null },
  ])('$search → $at', ({ search, at }) => {
    expect(frozenInstant(search)).toEqual({ at, error: null });
  });

  it.each(['?at=2019-05-20T10:30:00', '?at=yesterday', '?at=2019-13-40T10:30:00-07:00'])(
    '%s is reported',
    (search) => {
      const r = frozenInstant(search);
      expect(r.at).toBeNull();
      expect(r.error).toMatch(/must be an ISO date-time with its offset/);
    },
  );
});
