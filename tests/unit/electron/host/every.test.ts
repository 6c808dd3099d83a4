import { describe, expect, it } from 'vitest';
import { parseEvery } from '../../../../electron/host/every.js';

describe('parseEvery', () => {
  it.each([
    ['30s', 30_000],
    ['2m', 120_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1.5s', 1_500],
    ['1500ms', 1_500],
    [' 2m ', 120_000],
  ])('%s → %d ms', (raw, ms) => {
    expect(parseEvery(raw)).toEqual({ ok: true, ms });
  });

  it.each(['2', '2 m', 'm', '-1s', '500ms', '25h', ''])('"%s" is refused, saying how to write it', (raw) => {
    const r = parseEvery(raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^--every must be/);
  });
});
