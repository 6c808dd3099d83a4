import { describe, expect, it } from 'vitest';
import type { ClockState, JournalEntry } from '../../../../core/overrides/schema.js';
import type { ClockInput } from '../../../../core/protocol/index.js';
import {
  applyClockInput,
  type ClockSetting,
  HostClock,
  keptClock,
  REAL_CLOCK,
} from '../../../../electron/host/clock.js';

const T = (iso: string) => Date.parse(iso);
const real = T('2024-01-01T12:00:00Z');
const sim = (at: string, rate: number, resumeRate = rate || 1): ClockSetting => ({
  state: { mode: 'simulated', anchorReal: real, anchorSim: T(at), rate },
  resumeRate,
});

describe('applyClockInput', () => {
  it.each<[string, ClockSetting, ClockInput, ClockSetting]>([
    [
      'set from real time',
      REAL_CLOCK,
      { action: 'set', at: '2019-05-20T08:55:00-07:00' },
      sim('2019-05-20T08:55:00-07:00', 1),
    ],
    [
      'set with a rate',
      REAL_CLOCK,
      { action: 'set', at: '2019-05-20T08:55:00-07:00', rate: 60 },
      sim('2019-05-20T08:55:00-07:00', 60),
    ],
    [
      'set keeps a paused clock paused',
      sim('2019-05-20T09:00:00-07:00', 0, 5),
      { action: 'set', at: '2019-05-20T10:30:00-07:00' },
      sim('2019-05-20T10:30:00-07:00', 0, 5),
    ],
    [
      'rate from real time starts at real now',
      REAL_CLOCK,
      { action: 'rate', rate: 2 },
      { state: { mode: 'simulated', anchorReal: real, anchorSim: real, rate: 2 }, resumeRate: 2 },
    ],
    [
      'pause holds the instant and remembers the rate',
      sim('2019-05-20T09:00:00-07:00', 10),
      { action: 'pause' },
      sim('2019-05-20T09:00:00-07:00', 0, 10),
    ],
    [
      'resume runs at the remembered rate',
      sim('2019-05-20T09:00:00-07:00', 0, 10),
      { action: 'resume' },
      sim('2019-05-20T09:00:00-07:00', 10),
    ],
    [
      'resume of a running clock changes nothing',
      sim('2019-05-20T09:00:00-07:00', 3),
      { action: 'resume' },
      sim('2019-05-20T09:00:00-07:00', 3),
    ],
    ['real drops the simulation', sim('2019-05-20T09:00:00-07:00', 3), { action: 'real' }, REAL_CLOCK],
  ])('%s', (_what, current, input, want) => {
    expect(applyClockInput(current, input, real)).toEqual(want);
  });
});

describe('HostClock', () => {
  it('runs a simulated clock at its rate from real time', () => {
    let now = real;
    const clock = new HostClock(sim('2019-05-20T09:00:00-07:00', 60), () => now);
    now += 1_000;
    expect(clock.now()).toBe(T('2019-05-20T09:01:00-07:00'));
  });

  it('holds still at rate 0', () => {
    let now = real;
    const clock = new HostClock(sim('2019-05-20T09:00:00-07:00', 0), () => now);
    now += 3_600_000;
    expect(clock.now()).toBe(T('2019-05-20T09:00:00-07:00'));
  });
});

describe('keptClock: the settings, moved on by clock entries journalled after them', () => {
  const at = '2019-05-20T10:00:00-07:00';
  const simAt = (rate: number): ClockState => ({
    mode: 'simulated',
    anchorReal: real,
    anchorSim: real,
    rate,
  });
  const clockEntry = (revision: number, clock: ClockState): JournalEntry => ({
    type: 'clock',
    revision,
    at,
    clock,
  });
  const journal: JournalEntry[] = [
    clockEntry(1, simAt(4)),
    { type: 'override', revision: 2, at, override: { kind: 'alert', text: 'x' } },
    clockEntry(3, simAt(0)),
  ];
  const since = (r: number) => journal.filter((e) => e.revision > r);

  it.each<[string, Parameters<typeof keptClock>[0], ClockSetting | null, number | null]>([
    ['nothing kept, nothing after', { clockRevision: 3 }, null, null],
    [
      'settings up to date',
      { clock: simAt(0), resumeRate: 4, clockRevision: 3 },
      { state: simAt(0), resumeRate: 4 },
      null,
    ],
    [
      'the last clock entry missed (a pause): resumes at the rate before it',
      { clock: simAt(4), resumeRate: 4, clockRevision: 1 },
      { state: simAt(0), resumeRate: 4 },
      3,
    ],
    ['both entries missed', { clockRevision: 0 }, { state: simAt(0), resumeRate: 4 }, 3],
    [
      'an older store (no clockRevision): its one write held both',
      { clock: simAt(2), resumeRate: 2 },
      { state: simAt(2), resumeRate: 2 },
      null,
    ],
  ])('%s', (_what, kept, setting, repaired) => {
    expect(keptClock(kept, since)).toEqual({ setting, repaired });
  });
});
