import { describe, expect, it, vi } from 'vitest';
import { ROUTES } from '../../../../core/protocol/index.js';
import { steadyClock } from '../../../../electron/host/steady-clock.js';
import { testHost } from './helpers.js';

describe('steadyClock', () => {
  const HOUR = 3_600_000;

  it('follows the machine clock, forward jumps included', () => {
    let wall = 1_000_000;
    let mono = 0;
    const now = steadyClock(
      () => {},
      () => wall,
      () => mono,
    );
    expect(now()).toBe(1_000_000);
    wall += 500;
    mono += 500;
    expect(now()).toBe(1_000_500);
    // The machine slept an hour: the monotonic clock stood still, the wall clock did not.
    wall += HOUR;
    expect(now()).toBe(1_000_500 + HOUR);
  });

  it('keeps counting when the machine clock jumps back an hour, and says so once', () => {
    let wall = 1_000_000;
    let mono = 0;
    const lines: string[] = [];
    const now = steadyClock(
      (l) => lines.push(l),
      () => wall,
      () => mono,
    );
    now();
    wall -= HOUR;
    mono += 1_000;
    wall += 1_000;
    expect(now()).toBe(1_001_000);
    mono += 1_000;
    wall += 1_000;
    expect(now()).toBe(1_002_000);
    expect(lines).toEqual([
      "clock: the machine's clock jumped back 3600 s; the host keeps counting from where it was (restart the host to follow the machine's clock)",
    ]);
  });

  it('never runs backwards on small wobbles', () => {
    let wall = 1_000_000;
    const now = steadyClock(
      () => {},
      () => wall,
      () => 0,
    );
    now();
    wall -= 500;
    expect(now()).toBe(1_000_000);
  });
});

describe('the machine clock jumping back an hour while serving', () => {
  it('moves neither the simulated clock back nor a live screen to stale', async () => {
    const t = await testHost({ clock: '2019-05-20T10:40:00-07:00', rate: 1 });
    try {
      await t.api('POST', ROUTES.heartbeat, {
        screen: 'winchester-1',
        page: 'room',
        room: 'winchester',
        revision: 0,
      });
      const before = Date.parse((await t.api('GET', ROUTES.snapshot)).json.clock.now);
      const wall = Date.now;
      const spy = vi.spyOn(Date, 'now').mockImplementation(() => wall() - 3_600_000);
      try {
        const after = Date.parse((await t.api('GET', ROUTES.snapshot)).json.clock.now);
        expect(after).toBeGreaterThanOrEqual(before);
        expect(after - before).toBeLessThan(60_000);
        const [screen] = (await t.api('GET', ROUTES.screens)).json;
        expect(screen.stale).toBe(false);
        expect(t.lines.some((l) => l.startsWith("clock: the machine's clock jumped back 3600 s"))).toBe(true);
      } finally {
        spy.mockRestore();
      }
    } finally {
      await t.close();
    }
  });
});
