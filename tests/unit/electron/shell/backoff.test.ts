import { describe, expect, it } from 'vitest';
import { reloadDelay, type BackoffOptions } from '../../../../electron/shell/backoff.js';

const OPTS: BackoffOptions = { baseMs: 1_000, maxMs: 60_000, windowMs: 300_000 };
const T = Date.parse('2019-05-20T10:30:00-07:00');
const s = (n: number) => T + n * 1000;

describe('reloadDelay', () => {
  it.each([
    ['first crash', [], s(0), 1_000],
    ['second within the window', [s(0)], s(10), 2_000],
    ['third', [s(0), s(10)], s(20), 4_000],
    ['seventh is capped', [s(0), s(1), s(2), s(3), s(4), s(5)], s(6), 60_000],
    ['old crashes no longer count', [s(-600), s(-400)], s(0), 1_000],
    ['one old, one recent', [s(-600), s(-100)], s(0), 2_000],
  ])('%s → %i ms', (_name, crashes, now, delay) => {
    expect(reloadDelay(crashes, now, OPTS).delayMs).toBe(delay);
  });

  it('keeps only the recent history plus this crash', () => {
    expect(reloadDelay([s(-600), s(-100)], s(0), OPTS).crashes).toEqual([s(-100), s(0)]);
  });

  it('a screen crashing in a loop is retried ever more slowly, never faster', () => {
    let crashes: number[] = [];
    let now = T;
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = reloadDelay(crashes, now, OPTS);
      delays.push(r.delayMs);
      crashes = r.crashes;
      now += r.delayMs + 500;
    }
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays.at(-1)).toBe(60_000);
  });
});
