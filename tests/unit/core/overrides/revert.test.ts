import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../../../core/overrides/apply.js';
import { checkRevert, withoutNotice } from '../../../../core/overrides/revert.js';
import type { JournalEntry, OverrideInput } from '../../../../core/overrides/schema.js';
import { opml19 } from '../fixtures.js';

// A revert goes through the same clash check as the change it restores (issue 11, bug 5).
const base = opml19();
const AT = '2019-05-20T09:00:00-07:00';
const journal = (...os: (OverrideInput | { revert: number })[]): JournalEntry[] =>
  os.map((o, i) =>
    'revert' in o
      ? { type: 'revert', revision: i + 1, at: AT, target: o.revert }
      : { type: 'override', revision: i + 1, at: AT, override: o },
  );
const L = 'lawrence-san-tomas-lafayette';

describe('checkRevert: an undo that would double-book a room', () => {
  it.each<[string, JournalEntry[], number, RegExp | null]>([
    [
      'move A to a free room, move B into its old slot, undo the first move',
      journal(
        { kind: 'move', session: 'tut-pm1', room: 'magnolia' },
        { kind: 'move', session: 't1-pm1', room: 'winchester' },
      ),
      1,
      /^Undoing revision 1 \(move of tut-pm1\) would put "Tutorials Track" \(tut-pm1, 1:30 PM–2:30 PM\) in the Winchester Room with "Presentations Track 1" \(t1-pm1, 1:30 PM–2:30 PM\); send force: true to undo anyway$/,
    ],
    [
      'cancel A, move B into its slot, undo the cancel',
      journal(
        { kind: 'cancel', session: 'tut-pm1' },
        { kind: 'move', session: 't1-pm1', room: 'winchester' },
      ),
      1,
      /^Undoing revision 1 \(cancel of tut-pm1\) would put .*\(tut-pm1, .*in the Winchester Room with .*\(t1-pm1, /,
    ],
    [
      'delay without cascade, a session moved into the freed time, undo the delay',
      journal(
        { kind: 'delay', session: 'tut-pm2', minutes: 120 },
        { kind: 'move', session: 't1-pm2', room: 'winchester' },
      ),
      1,
      /^Undoing revision 1 \(delay of tut-pm2\) would put .*\(tut-pm2, 2:30 PM–3:30 PM\) in the Winchester Room with .*\(t1-pm2, /,
    ],
    [
      'the swap: undoing the second move puts the panel back into a room the tutorial now holds',
      journal(
        { kind: 'move', session: 'tut-pm1', room: L, force: true },
        { kind: 'move', session: 't1-pm1', room: 'winchester' },
      ),
      2,
      /^Undoing revision 2 \(move of t1-pm1\) would put .*\(t1-pm1, .*in the Lawrence\/San Tomas\/Lafayette Rooms with .*\(tut-pm1, /,
    ],
    [
      'the swap: undoing the first move frees the room it clashed in',
      journal(
        { kind: 'move', session: 'tut-pm1', room: 'magnolia' },
        { kind: 'move', session: 't1-pm1', room: 'stevens-creek', force: true },
      ),
      1,
      null,
    ],
    [
      'a move into a free room, undone: nothing clashes',
      journal({ kind: 'move', session: 'tut-pm1', room: 'magnolia' }),
      1,
      null,
    ],
    ['an alert, undone', journal({ kind: 'alert', text: 'Fire drill' }), 1, null],
  ])('%s', (_, j, target, error) => {
    const r = checkRevert(base, j, target);
    if (error === null) expect(r).toBeNull();
    else {
      expect(r?.status).toBe(409);
      expect(r?.error).toMatch(error);
      expect(checkRevert(base, j, target, { force: true })).toBeNull();
    }
  });

  it.each<[string, JournalEntry[], number, 404 | 409, RegExp]>([
    ['an unknown id', journal({ kind: 'alert', text: 'a' }), 9, 404, /No override with id 9/],
    ['a revert', journal({ kind: 'alert', text: 'a' }, { revert: 1 }), 2, 409, /itself a revert/],
    [
      'one already reverted, even forced',
      journal({ kind: 'alert', text: 'a' }, { revert: 1 }),
      1,
      409,
      /already reverted \(by revision 2\)/,
    ],
  ])('refuses %s', (_, j, target, status, error) => {
    expect(checkRevert(base, j, target, { force: true })).toMatchObject({
      status,
      error: expect.stringMatching(error),
    });
  });
});

describe('withoutNotice', () => {
  const alert: OverrideInput = { kind: 'alert', text: 'Leave now' };
  const announce: OverrideInput = { kind: 'announce', text: 'Coffee' };
  const delay: OverrideInput = { kind: 'delay', session: 't1-production', minutes: 5 };

  it.each<[string, OverrideInput[], number]>([
    ['an alert', [delay, alert, announce], 2],
    ['an announcement', [alert, announce, delay], 2],
  ])('takes off %s: the same program as replaying the journal with its revert', (_name, os, target) => {
    const held = journal(...os);
    const p = applyOverrides(base, held).program;
    const replayed = applyOverrides(base, [...held, ...journal(...os, { revert: target }).slice(-1)]).program;
    expect(withoutNotice(p, target, [])).toEqual(replayed);
  });

  it.each<[string, OverrideInput[], number]>([
    ['a delay', [delay, alert], 1],
    ['a revision that is no notice in force', [alert], 7],
    [
      'an announcement with a problem line (a room the program lacks)',
      [{ kind: 'announce', text: 'x', rooms: [L, 'no-such-room'] }],
      1,
    ],
  ])('gives null for %s (only a replay can undo it)', (_name, os, target) => {
    const r = applyOverrides(base, journal(...os));
    expect(withoutNotice(r.program, target, r.problems)).toBeNull();
  });
});
