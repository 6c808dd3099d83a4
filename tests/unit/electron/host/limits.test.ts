import { describe, expect, it } from 'vitest';
import { AuthGuard, sameSecret } from '../../../../electron/host/auth.js';
import { DEFAULT_LIMITS, hostLimits, isLoopback, RateLimit } from '../../../../electron/host/limits.js';

describe('RateLimit', () => {
  it('allows a burst, then refills at its rate, per key', () => {
    let now = 0;
    const r = new RateLimit(3, 2, () => now);
    expect([r.take('a'), r.take('a'), r.take('a')]).toEqual([0, 0, 0]);
    expect(r.take('a')).toBe(1);
    expect(r.take('b')).toBe(0);
    now += 500; // one token back at 2 a second
    expect(r.take('a')).toBe(0);
    expect(r.take('a')).toBe(1);
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.3.2.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['::ffff:192.0.2.2', false],
    ['128.0.0.1', false],
    [undefined, false],
  ])('%s → %s', (address, loopback) => expect(isLoopback(address)).toBe(loopback));
});

describe('hostLimits', () => {
  it('takes the defaults, and refuses a headers timeout past the request timeout', () => {
    expect(hostLimits()).toEqual(DEFAULT_LIMITS);
    expect(() => hostLimits({ headersTimeoutMs: 5_000, requestTimeoutMs: 1_000 })).toThrow(/must not exceed/);
    expect(() => hostLimits({ maxStreams: -1 })).toThrow(/maxStreams must be a number of 0 or more/);
  });
});

describe('sameSecret', () => {
  it.each([
    ['abc', 'abc', true],
    ['abd', 'abc', false],
    ['ab', 'abc', false],
    ['abcd', 'abc', false],
    ['', 'abc', false],
  ])('%s against %s → %s', (given, token, same) => expect(sameSecret(given, token)).toBe(same));
});

describe('AuthGuard', () => {
  const limits = { ...DEFAULT_LIMITS, authFreeFailures: 3, authFirstLockMs: 1_000, authMaxLockMs: 8_000 };

  it('locks an address out after its free failures, doubling up to the most; logs once per burst', () => {
    let now = 0;
    const lines: string[] = [];
    const g = new AuthGuard(
      limits,
      (l) => lines.push(l),
      () => now,
    );
    for (let i = 0; i < 3; i++) g.failed('192.0.2.9');
    expect(g.lockedFor('192.0.2.9')).toBe(0);
    const locks: number[] = [];
    for (let i = 0; i < 6; i++) {
      g.failed('192.0.2.9');
      locks.push(g.lockedFor('192.0.2.9'));
    }
    expect(locks).toEqual([1, 2, 4, 8, 8, 8]);
    expect(g.lockedFor('192.0.2.10')).toBe(0);
    expect(lines).toEqual([
      'security: 4 wrong admin tokens from 192.0.2.9: refusing it for 1 s, doubling with each further wrong token (logged once per burst)',
    ]);
    // Quiet for long enough: a new burst starts with its free failures, and is logged again.
    now += limits.authQuietMs + 1;
    for (let i = 0; i < 4; i++) g.failed('192.0.2.9');
    expect(g.lockedFor('192.0.2.9')).toBe(1);
    expect(lines).toHaveLength(2);
  });

  it('forgets the failures of an address that then gives the right token', () => {
    const g = new AuthGuard(
      limits,
      () => {},
      () => 0,
    );
    for (let i = 0; i < 3; i++) g.failed('192.0.2.9');
    g.succeeded('192.0.2.9');
    g.failed('192.0.2.9');
    expect(g.lockedFor('192.0.2.9')).toBe(0);
  });

  it('leaves loopback alone unless told', () => {
    const lenient = new AuthGuard(
      limits,
      () => {},
      () => 0,
    );
    const strict = new AuthGuard(
      { ...limits, limitLoopback: true },
      () => {},
      () => 0,
    );
    for (let i = 0; i < 10; i++) {
      lenient.failed('127.0.0.1');
      strict.failed('127.0.0.1');
    }
    expect(lenient.lockedFor('127.0.0.1')).toBe(0);
    expect(strict.lockedFor('127.0.0.1')).toBeGreaterThan(0);
  });
});
