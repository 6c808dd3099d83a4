// The watchdog that notices a follow the NATS library left silent (no NATS here: a fake stream).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLag } from '../../../../../electron/host/cluster/lag-watch.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Each step: the stream's last revision and this host's, seen at one check. */
type Step = { last: number | 'no answer'; mine: number };

const cases: { name: string; steps: Step[]; stalls: number[] }[] = [
  {
    name: 'caught up: never',
    steps: [
      { last: 3, mine: 3 },
      { last: 3, mine: 3 },
      { last: 4, mine: 4 },
    ],
    stalls: [],
  },
  {
    name: 'behind once, then caught up: never (an entry on its way)',
    steps: [
      { last: 4, mine: 3 },
      { last: 4, mine: 4 },
      { last: 4, mine: 4 },
    ],
    stalls: [],
  },
  {
    name: 'behind but arriving at each check: never',
    steps: [
      { last: 9, mine: 3 },
      { last: 9, mine: 5 },
      { last: 9, mine: 7 },
      { last: 9, mine: 9 },
    ],
    stalls: [],
  },
  {
    name: 'behind with nothing arriving: at the second check',
    steps: [
      { last: 5, mine: 3 },
      { last: 5, mine: 3 },
    ],
    stalls: [2],
  },
  {
    name: 'still stalled after the call: once more two checks later, not at every check',
    steps: [
      { last: 5, mine: 3 },
      { last: 5, mine: 3 },
      { last: 5, mine: 3 },
      { last: 5, mine: 3 },
    ],
    stalls: [2, 4],
  },
  {
    name: 'the cluster not answering in between: counted from the answers',
    steps: [
      { last: 5, mine: 3 },
      { last: 'no answer', mine: 3 },
      { last: 5, mine: 3 },
    ],
    stalls: [3],
  },
];

describe('watchLag', () => {
  it.each(cases)('$name', async ({ steps, stalls }) => {
    let at = 0;
    const seen: number[] = [];
    const stop = watchLag({
      everyMs: 1_000,
      active: () => true,
      revision: () => steps[Math.min(at, steps.length - 1)]!.mine,
      last: async () => {
        const s = steps[at]!.last;
        if (s === 'no answer') throw new Error('timeout');
        return s;
      },
      onStall: () => seen.push(at + 1),
    });
    for (; at < steps.length; at++) await vi.advanceTimersByTimeAsync(1_000);
    stop();
    expect(seen).toEqual(stalls);
  });

  it('asks nothing while not active, and nothing after stop', async () => {
    let asked = 0;
    let active = false;
    const stop = watchLag({
      active: () => active,
      revision: () => 0,
      last: async () => (asked++, 0),
      onStall: () => {},
    });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(asked).toBe(0);
    active = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(asked).toBe(2);
    stop();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(asked).toBe(2);
  });
});
