import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../../../renderer/lib/after-paint.js';

describe('afterPaint', () => {
  let frames: (() => void)[];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs once, in a task after the next frame, not in the frame itself', () => {
    const fn = vi.fn();
    afterPaint(fn);
    expect(fn).not.toHaveBeenCalled();
    frames.shift()!();
    expect(fn).not.toHaveBeenCalled(); // the frame paints first
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000); // the fallback timer does not run it again
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it.each([100, 250])(
    'runs after %i ms when no frame comes (a hidden window), and not again on a late frame',
    (ms) => {
      const fn = vi.fn();
      afterPaint(fn, ms);
      vi.advanceTimersByTime(ms - 1);
      expect(fn).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(fn).toHaveBeenCalledTimes(1);
      frames.shift()!();
      vi.advanceTimersByTime(0);
      expect(fn).toHaveBeenCalledTimes(1);
    },
  );

  it('runs by the timer alone where there is no requestAnimationFrame (Node)', () => {
    vi.unstubAllGlobals();
    const had = globalThis.requestAnimationFrame;
    // @ts-expect-error: removed for this test
    delete globalThis.requestAnimationFrame;
    try {
      const fn = vi.fn();
      afterPaint(fn);
      vi.advanceTimersByTime(100);
      expect(fn).toHaveBeenCalledTimes(1);
    } finally {
      if (had) globalThis.requestAnimationFrame = had;
    }
  });
});
