import type { ClockState } from '../overrides/schema.js';

/** The host clock's instant (epoch ms) when real time is `realNowMs`. Pure: the caller reads its own clock. */
export function clockNow(state: ClockState, realNowMs: number): number {
  if (state.mode === 'real') return realNowMs;
  return state.anchorSim + (realNowMs - state.anchorReal) * state.rate;
}

/** A simulated clock showing `simMs` at real time `realNowMs`, running at `rate`. */
export function simulatedClock(simMs: number, rate: number, realNowMs: number): ClockState {
  return { mode: 'simulated', anchorReal: realNowMs, anchorSim: simMs, rate };
}
