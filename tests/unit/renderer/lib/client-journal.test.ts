import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../../../core/overrides/apply.js';
import type { JournalEntry } from '../../../../core/overrides/schema.js';
import type { ClockInfo, Snapshot } from '../../../../core/protocol/index.js';
import { Settings } from '../../../../core/settings/schema.js';
import { sameButAlerts, stepJournal } from '../../../../renderer/lib/client-journal.js';
import { opml19 } from '../../core/fixtures.js';

const AT = '2019-05-20T09:00:00-07:00';
const base = opml19();
const clock: ClockInfo = { state: { mode: 'real' }, hostReal: 1, now: AT };
const later: ClockInfo = {
  state: { mode: 'simulated', anchorReal: 5, anchorSim: Date.parse('2019-05-20T10:00:00-07:00'), rate: 1 },
  hostReal: 5,
  now: '2019-05-20T10:00:00-07:00',
};

function snapshot(journal: JournalEntry[]): Snapshot {
  const r = applyOverrides(base, journal);
  return {
    revision: journal.length,
    program: r.program,
    overrides: journal,
    clock,
    rooms: base.rooms,
    problems: r.problems,
  };
}

const delay: JournalEntry = {
  type: 'override',
  revision: 1,
  at: AT,
  override: { kind: 'delay', session: 't1-production', minutes: 15, cascade: true },
};
const alert: JournalEntry = {
  type: 'override',
  revision: 2,
  at: AT,
  override: { kind: 'alert', text: 'Drill' },
};
const event = (entry: JournalEntry, c: ClockInfo = later) => JSON.stringify({ entry, clock: c });

describe('stepJournal', () => {
  it('an override: the snapshot the host would serve next, with the event clock', () => {
    const step = stepJournal(snapshot([delay]), event(alert));
    expect(step).toEqual({ kind: 'next', snapshot: { ...snapshot([delay, alert]), clock: later } });
  });

  it('an override naming an unknown session: skipped, with the problem listed', () => {
    const bad: JournalEntry = { ...alert, override: { kind: 'cancel', session: 'nope' } };
    const step = stepJournal(snapshot([delay]), event(bad));
    expect(step).toEqual({ kind: 'next', snapshot: { ...snapshot([delay, bad]), clock: later } });
    expect(step.kind === 'next' && step.snapshot.problems).toHaveLength(1);
  });

  it('a clock entry: the clock and revision move, the program stays', () => {
    const c: JournalEntry = { type: 'clock', revision: 2, at: AT, clock: later.state };
    const s = snapshot([delay]);
    const step = stepJournal(s, event(c));
    expect(step).toEqual({
      kind: 'next',
      snapshot: { ...s, revision: 2, overrides: [delay, c], clock: later },
    });
    expect(step.kind === 'next' && step.snapshot.program).toBe(s.program);
  });

  it('a settings entry: the snapshot carries the new document, the program stays', () => {
    const settings = Settings.parse({ theme: { mode: 'light' } });
    const e: JournalEntry = { type: 'settings', revision: 2, at: AT, settings };
    const s = snapshot([delay]);
    const step = stepJournal(s, event(e));
    expect(step).toEqual({
      kind: 'next',
      snapshot: { ...s, revision: 2, overrides: [delay, e], clock: later, settings },
    });
    expect(step.kind === 'next' && step.snapshot.program).toBe(s.program);
  });

  it.each<[string, Snapshot, string, string]>([
    [
      'a revert of a delay',
      snapshot([delay]),
      event({ type: 'revert', revision: 2, at: AT, target: 1 }),
      'refetch',
    ],
    [
      'a new program version',
      snapshot([delay]),
      event({
        type: 'program',
        revision: 2,
        at: AT,
        source: 'x.xml',
        hash: 'a'.repeat(64),
        summary: '1 new session',
      }),
      'refetch',
    ],
    ['a gap in revisions', snapshot([]), event(alert), 'refetch'],
    ['an unreadable payload', snapshot([delay]), '{"entry":', 'refetch'],
    [
      'a payload of another shape',
      snapshot([delay]),
      JSON.stringify({ entry: { ...alert, type: 'x' }, clock }),
      'refetch',
    ],
    ['an entry already held', snapshot([delay, alert]), event(alert), 'seen'],
  ])('%s → %s', (_name, s, data, kind) => {
    expect(stepJournal(s, data).kind).toBe(kind);
  });
});

describe('stepJournal: the revert of a notice', () => {
  const revert = (revision: number, target: number): JournalEntry => ({
    type: 'revert',
    revision,
    at: AT,
    target,
  });
  const announce = (revision: number, rooms?: string[]): JournalEntry => ({
    type: 'override',
    revision,
    at: AT,
    override: { kind: 'announce', text: 'Coffee', ...(rooms ? { rooms } : {}) },
  });

  const alertAt = (revision: number, text: string): JournalEntry => ({
    type: 'override',
    revision,
    at: AT,
    override: { kind: 'alert', text },
  });

  it.each<[string, JournalEntry[], JournalEntry]>([
    ['an alert', [delay, alert], revert(3, 2)],
    ['an announcement', [delay, announce(2)], revert(3, 2)],
    ['the first of two alerts', [alertAt(1, 'First'), alertAt(2, 'Second')], revert(3, 1)],
  ])('%s: taken off in the page, the snapshot the host serves after it', (_name, held, undo) => {
    const step = stepJournal(snapshot(held), event(undo));
    expect(step).toEqual({ kind: 'next', snapshot: { ...snapshot([...held, undo]), clock: later } });
  });

  it.each<[string, JournalEntry[], JournalEntry]>([
    ['a delay', [delay], revert(2, 1)],
    ['an alert already reverted', [alertAt(1, 'Drill'), revert(2, 1)], revert(3, 1)],
    // its problem line goes too, which only a replay knows: fetched
    [
      'an announcement with a problem line',
      [delay, announce(2, ['stevens-creek', 'no-such-room'])],
      revert(3, 2),
    ],
  ])('%s: fetched again', (_name, held, undo) => {
    expect(stepJournal(snapshot(held), event(undo)).kind).toBe('refetch');
  });
});

describe('sameButAlerts', () => {
  const announce: JournalEntry = { ...alert, override: { kind: 'announce', text: 'Coffee' } };

  it.each<[string, JournalEntry, boolean]>([
    ['an alert: only the alerts differ, nothing under them is built again', alert, true],
    ['an announcement: the announcements differ', announce, false],
    ['a delay: the sessions differ', { ...delay, revision: 2 }, false],
  ])('%s', (_name, entry, same) => {
    const s = snapshot([delay]);
    const step = stepJournal(s, event(entry));
    if (step.kind !== 'next') throw new Error(`expected a next step, got ${step.kind}`);
    expect(sameButAlerts(s.program, step.snapshot.program)).toBe(same);
    // another snapshot's program is other objects, even with the same content
    expect(sameButAlerts(snapshot([delay]).program, step.snapshot.program)).toBe(false);
  });

  it('a field added or removed is a change', () => {
    const p = snapshot([]).program;
    expect(sameButAlerts(p, { ...p })).toBe(true);
    expect(sameButAlerts(p, { ...p, alerts: [] })).toBe(true);
    expect(sameButAlerts(p, { ...p, tracks: [] })).toBe(false);
    const { announcements: _, ...fewer } = p;
    expect(sameButAlerts(p, fewer as typeof p)).toBe(false);
  });
});
