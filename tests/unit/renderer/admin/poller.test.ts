import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Poller } from '../../../../renderer/admin/poller.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** An ask that counts its calls and answers when `answer()` is called (or at once). */
function asker(wait = false) {
  const pending: (() => void)[] = [];
  const ask = vi.fn(() => (wait ? new Promise<void>((r) => pending.push(r)) : Promise.resolve()));
  return { ask, answer: () => pending.shift()?.() };
}

describe('Poller', () => {
  it('asks at once on start, then every interval; a second start changes nothing', async () => {
    const { ask } = asker();
    const p = new Poller(ask, 1_000);
    p.start();
    p.start();
    expect(ask).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(ask).toHaveBeenCalledTimes(4);
    expect(p.running).toBe(true);
  });

  it('stop ends the interval and the asks asked for soon', async () => {
    const { ask } = asker();
    const p = new Poller(ask, 1_000);
    p.start();
    p.soon([100, 200]);
    p.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(p.running).toBe(false);
  });

  it('soon asks after each delay while running, and not at all while stopped', async () => {
    const { ask } = asker();
    const p = new Poller(ask, 60_000);
    p.soon([100]);
    await vi.advanceTimersByTimeAsync(200);
    expect(ask).toHaveBeenCalledTimes(0);
    p.start();
    p.soon([100, 300]);
    await vi.advanceTimersByTimeAsync(150);
    expect(ask).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('one ask at a time: ticks while one is on its way make one more ask after it', async () => {
    const { ask, answer } = asker(true);
    const p = new Poller(ask, 1_000);
    p.start();
    await vi.advanceTimersByTimeAsync(3_500);
    void p.now();
    expect(ask).toHaveBeenCalledTimes(1);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(ask).toHaveBeenCalledTimes(2);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(ask).toHaveBeenCalledTimes(2);
  });
});
