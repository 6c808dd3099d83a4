import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../../../core/overrides/apply.js';
import type { JournalEntry, OverrideEntry, OverrideInput } from '../../../../core/overrides/schema.js';
import type { Program } from '../../../../core/program/schema.js';
import { opml19 } from '../fixtures.js';

// Screens apply each journal entry from the event stream to the effective program they hold,
// instead of refetching it: that is only right if one-at-a-time equals all-at-once.

const base = opml19();
const AT = '2019-05-20T09:00:00-07:00';
const sessions = base.sessions.map((s) => s.id);
const talks = base.sessions.flatMap((s) => s.talks.map((t) => ({ session: s.id, talk: t.id })));
const rooms = base.rooms.map((r) => r.id);

const entries = (overrides: OverrideInput[], from = 1): OverrideEntry[] =>
  overrides.map((override, i) => ({ type: 'override', revision: from + i, at: AT, override }));

const stepwise = (p: Program, journal: JournalEntry[]): Program =>
  journal.reduce((acc, e) => applyOverrides(acc, [e]).program, p);

describe('applyOverrides: one entry at a time equals the whole journal', () => {
  it.each<[string, OverrideInput[]]>([
    [
      'cancel a session, then note it',
      [
        { kind: 'cancel', session: 'lunch' },
        { kind: 'cancel', session: 'lunch', note: 'moved online' },
      ],
    ],
    ['cancel a talk', [{ kind: 'cancel', talk: 't2-pm1-1', note: 'ill' }]],
    [
      'edit title, then clear the note',
      [
        { kind: 'edit', session: 'keynote', title: 'New', note: 'x' },
        { kind: 'edit', session: 'keynote', note: '' },
      ],
    ],
    [
      'delay twice: the printed time stays the first one',
      [
        { kind: 'delay', session: 't1-production', minutes: 15 },
        { kind: 'delay', session: 't1-production', minutes: 10 },
      ],
    ],
    [
      'delay and back, then delay again',
      [
        { kind: 'delay', session: 'tut-pm1', minutes: 10, cascade: true },
        { kind: 'delay', session: 'tut-pm1', minutes: -10, cascade: true },
        { kind: 'delay', session: 'tut-pm1', minutes: 5 },
      ],
    ],
    [
      'move away and back, then delay',
      [
        { kind: 'move', session: 't2-pm1', room: 'magnolia' },
        { kind: 'move', session: 't2-pm1', room: 'stevens-creek' },
        { kind: 'delay', session: 't2-pm1', minutes: 20 },
      ],
    ],
    [
      'delay then move',
      [
        { kind: 'delay', session: 'keynote', minutes: -5 },
        { kind: 'move', session: 'keynote', room: 'winchester', force: true },
      ],
    ],
    [
      'now speaking twice',
      [
        { kind: 'now-speaking', session: 'keynote', talk: 'keynote-1' },
        { kind: 'now-speaking', session: 'keynote', talk: 'keynote-1' },
      ],
    ],
    [
      'announce to some rooms, and to all',
      [
        { kind: 'announce', text: 'Wifi', rooms: ['winchester', 'nowhere'] },
        { kind: 'announce', text: 'Lunch' },
      ],
    ],
    [
      'alerts',
      [
        { kind: 'alert', text: 'Fire drill' },
        { kind: 'alert', text: 'Over' },
      ],
    ],
    [
      'unknown ids are skipped either way',
      [
        { kind: 'delay', session: 'nope', minutes: 5 },
        { kind: 'cancel', talk: 'nope-1' },
      ],
    ],
  ])('%s', (_name, overrides) => {
    const journal = entries(overrides);
    expect(stepwise(base, journal)).toEqual(applyOverrides(base, journal).program);
  });

  it('a delay undone and redone keeps the printed time as written, not as re-formatted', () => {
    const p = structuredClone(base);
    for (const s of p.sessions) s.start = s.start.replace(/:00-07:00$/, ':00.000-07:00');
    const journal = entries([
      { kind: 'delay', session: 'lunch', minutes: 10 },
      { kind: 'delay', session: 'lunch', minutes: -10 },
      { kind: 'delay', session: 'lunch', minutes: 5 },
    ]);
    const all = applyOverrides(p, journal).program;
    expect(all.sessions.find((s) => s.id === 'lunch')?.original?.start).toBe('2019-05-20T12:30:00.000-07:00');
    expect(stepwise(p, journal)).toEqual(all);
  });

  it('a clock entry changes nothing', () => {
    const clock: JournalEntry = {
      type: 'clock',
      revision: 1,
      at: AT,
      clock: { mode: 'simulated', anchorReal: 0, anchorSim: 0, rate: 1 },
    };
    expect(applyOverrides(base, [clock]).program).toEqual(base);
  });

  const override: fc.Arbitrary<OverrideInput> = fc.oneof(
    fc.record({ kind: fc.constant('cancel' as const), session: fc.constantFrom(...sessions) }),
    fc.constantFrom(...talks).map((t): OverrideInput => ({ kind: 'cancel', talk: t.talk, note: 'off' })),
    fc.record({
      kind: fc.constant('delay' as const),
      session: fc.constantFrom(...sessions),
      minutes: fc.constantFrom(-30, -10, -5, 5, 10, 30, 90),
      cascade: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('move' as const),
      session: fc.constantFrom(...sessions),
      room: fc.constantFrom(...rooms),
    }),
    fc.record({
      kind: fc.constant('edit' as const),
      session: fc.constantFrom(...sessions),
      title: fc.constantFrom('A', 'B'),
      note: fc.constantFrom('', 'n'),
    }),
    fc.constantFrom(...talks).map((t): OverrideInput => ({ kind: 'now-speaking', ...t })),
    fc
      .record({
        kind: fc.constant('announce' as const),
        text: fc.constantFrom('hi', 'bye'),
        rooms: fc.option(fc.subarray(rooms, { minLength: 1 }), { nil: undefined }),
      })
      .map((o): OverrideInput => (o.rooms ? o : { kind: o.kind, text: o.text })),
    fc.record({ kind: fc.constant('alert' as const), text: fc.constantFrom('x', 'y') }),
    fc.record({
      kind: fc.constant('room-status' as const),
      room: fc.constantFrom(...rooms),
      status: fc.constantFrom('open' as const, 'filling' as const, 'full' as const),
    }),
  );

  it('for random override sequences on OpML, applying b to the result of a equals applying a then b', () => {
    fc.assert(
      fc.property(fc.array(override, { maxLength: 12 }), fc.array(override, { maxLength: 6 }), (a, b) => {
        const ea = entries(a);
        const eb = entries(b, a.length + 1);
        const split = applyOverrides(applyOverrides(base, ea).program, eb).program;
        expect(split).toEqual(applyOverrides(base, [...ea, ...eb]).program);
        expect(stepwise(base, [...ea, ...eb])).toEqual(split);
      }),
      { numRuns: 200 },
    );
  });
});
