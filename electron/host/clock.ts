import type { ClockState, JournalEntry } from '../../core/overrides/schema.js';
import type { ClockInput } from '../../core/protocol/index.js';
import { clockNow, simulatedClock } from '../../core/time/clock.js';

export interface ClockSetting {
  state: ClockState;
  /** The rate a paused simulated clock resumes at. */
  resumeRate: number;
}

export const REAL_CLOCK: ClockSetting = { state: { mode: 'real' }, resumeRate: 1 };

/**
 * What a clock change makes of the current clock, at real time `realMs`. Pure, so every
 * transition is tested without waiting; the host persists and journals the result.
 */
export function applyClockInput(current: ClockSetting, input: ClockInput, realMs: number): ClockSetting {
  const now = clockNow(current.state, realMs);
  const rate = current.state.mode === 'simulated' ? current.state.rate : 1;
  switch (input.action) {
    case 'real':
      return { state: { mode: 'real' }, resumeRate: 1 };
    case 'set': {
      const r = input.rate ?? rate;
      return {
        state: simulatedClock(Date.parse(input.at), r, realMs),
        resumeRate: r > 0 ? r : current.resumeRate,
      };
    }
    case 'rate':
      return {
        state: simulatedClock(now, input.rate, realMs),
        resumeRate: input.rate > 0 ? input.rate : current.resumeRate,
      };
    case 'pause':
      return { state: simulatedClock(now, 0, realMs), resumeRate: rate > 0 ? rate : current.resumeRate };
    case 'resume':
      // Resuming a running clock (or real time) leaves it as it is.
      if (current.state.mode === 'real' || rate > 0) return current;
      return {
        state: simulatedClock(now, current.resumeRate || 1, realMs),
        resumeRate: current.resumeRate || 1,
      };
  }
}

/** The host's clock: real time or simulated; `realNow` is injectable for tests. */
export class HostClock {
  #setting: ClockSetting;

  constructor(
    setting: ClockSetting = REAL_CLOCK,
    readonly realNow: () => number = Date.now,
  ) {
    this.#setting = setting;
  }

  get setting(): ClockSetting {
    return this.#setting;
  }

  get state(): ClockState {
    return this.#setting.state;
  }

  /** The host clock's instant (epoch ms). */
  now(): number {
    return clockNow(this.#setting.state, this.realNow());
  }

  /** What `input` would make of the clock now (not applied). */
  plan(input: ClockInput): ClockSetting {
    return applyClockInput(this.#setting, input, this.realNow());
  }

  set(setting: ClockSetting): void {
    this.#setting = setting;
  }
}

/** The clock after a journalled clock entry: its state, and the rate a pause resumes at. */
export function afterClockEntry(setting: ClockSetting | null, clock: ClockState): ClockSetting {
  const before = setting?.state.mode === 'simulated' ? setting.state.rate : 0;
  let resumeRate = setting?.resumeRate ?? 1;
  if (clock.mode === 'real') resumeRate = 1;
  else if (clock.rate > 0) resumeRate = clock.rate;
  else if (before > 0) resumeRate = before; // a pause resumes at the rate it stopped
  return { state: clock, resumeRate };
}

/**
 * The clock as last set: the one kept in settings, moved on by every clock entry journalled after
 * `clockRevision` (a clock change is journalled first and kept in settings second, so a crash
 * between the two leaves the journal ahead). `repaired` says the settings lagged.
 */
export function keptClock(
  kept: { clock?: ClockState; resumeRate?: number; clockRevision?: number },
  journalSince: (revision: number) => readonly JournalEntry[],
): { setting: ClockSetting | null; repaired: number | null } {
  let setting: ClockSetting | null = kept.clock
    ? { state: kept.clock, resumeRate: kept.resumeRate ?? 1 }
    : null;
  let repaired: number | null = null;
  // Older stores wrote the clock and its entry in one write: nothing can lag there.
  if (kept.clockRevision !== undefined)
    for (const e of journalSince(kept.clockRevision)) {
      if (e.type !== 'clock') continue;
      setting = afterClockEntry(setting, e.clock);
      repaired = e.revision;
    }
  return { setting, repaired };
}
