import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../../../core/overrides/apply.js';
import type { JournalEntry, OverrideInput } from '../../../../core/overrides/schema.js';
import { ProgramShape } from '../../../../core/program/schema.js';
import { restoreText } from '../../../../renderer/admin/journal.js';
import { liveRows } from '../../../../renderer/admin/live.js';
import { reach } from '../../../../renderer/admin/screens.svelte.js';
import { stageRows } from '../../../../renderer/admin/stage.js';
import { screenInfo } from './screen-info.js';

const printed = ProgramShape.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../data/opml19.json'), 'utf8')),
);
const AT = '2019-05-20T10:45:00-07:00';

/** A journal of overrides (revisions 1…) plus reverts of the given revisions, and its effect. */
function journal(overrides: OverrideInput[], reverts: number[] = []) {
  const entries: JournalEntry[] = overrides.map((override, i) => ({
    type: 'override',
    revision: i + 1,
    at: AT,
    override,
  }));
  for (const target of reverts)
    entries.push({ type: 'revert', revision: entries.length + 1, at: AT, target });
  return { entries, program: applyOverrides(printed, entries).program };
}

describe('liveRows', () => {
  const { entries, program } = journal(
    [
      { kind: 'announce', text: 'Coffee', until: '2019-05-20T10:40:00-07:00' },
      { kind: 'announce', text: 'Lunch at 12:40', until: '2019-05-20T18:00:00-07:00' },
      { kind: 'cancel', talk: 't2-pm1-1' },
      { kind: 'delay', session: 't1-production', minutes: 10 },
      { kind: 'move', session: 'keynote', room: 'magnolia', force: true },
      { kind: 'alert', text: 'Fire drill' },
      { kind: 'move', session: 'tut-pm1', room: 'magnolia', force: true },
      { kind: 'edit', session: 'lunch', title: 'Lunch!' },
    ],
    [7],
  );

  it('lists what is in force: alerts first, no ended announcement, no session that is over, no undone one', () => {
    const rows = liveRows(entries, program, Date.parse(AT));
    expect(rows.map((r) => [r.kind, r.revision])).toEqual([
      ['alert', 6],
      ['announce', 2],
      ['cancel', 3],
      ['delay', 4],
    ]);
    expect(rows[1]!.when).toBe('until 6:00 PM');
  });
});

describe('stageRows', () => {
  it.each([
    // overrides, reverts, the block → [current talk index, next talk id, back]
    [[], [], { 't1-production': [0, 't1-production-2', null] }],
    [
      [{ kind: 'now-speaking', session: 't2-deep-learning', talk: 't2-deep-learning-3' } as const],
      [],
      { 't2-deep-learning': [2, 't2-deep-learning-4', { revert: 1 }] },
    ],
    [
      [{ kind: 'now-speaking', session: 't2-deep-learning', talk: 't2-deep-learning-3' } as const],
      [1],
      { 't2-deep-learning': [0, 't2-deep-learning-2', null] },
    ],
  ])('%j (undone %j)', (overrides, reverts, want) => {
    const { entries, program } = journal([...overrides], reverts);
    const rows = stageRows(program, entries, Date.parse(AT));
    expect(rows.map((r) => r.session.id)).toEqual(['t1-production', 't2-deep-learning', 'tut-am']);
    for (const [id, [index, next, back]] of Object.entries(want)) {
      const r = rows.find((x) => x.session.id === id)!;
      expect([r.index, r.next?.id ?? null, r.back && 'revert' in r.back ? r.back : null]).toEqual([
        index,
        next,
        back,
      ]);
    }
  });

  it('skips a cancelled talk for "next talk"', () => {
    const { entries, program } = journal([{ kind: 'cancel', talk: 't1-production-2' }]);
    const r = stageRows(program, entries, Date.parse(AT)).find((x) => x.session.id === 't1-production')!;
    expect(r.next?.id).toBe('t1-production-3');
  });
});

describe('restoreText', () => {
  it.each([
    [[{ kind: 'cancel', talk: 't2-pm1-1', note: 'ill' }], /is on again; the note “ill” goes/],
    [
      [{ kind: 'delay', session: 'tut-pm1', minutes: 15, cascade: true }],
      /runs 15 min earlier again \(starts 1:30 PM\), and the later/,
    ],
    [[{ kind: 'move', session: 'tut-pm1', room: 'magnolia' }], /goes back to Winchester Room/],
    [
      [
        { kind: 'move', session: 'tut-pm1', room: 'magnolia' },
        { kind: 'move', session: 'tut-pm1', room: 'stevens-creek' },
      ],
      /goes back to Magnolia Room/,
    ],
    [[{ kind: 'alert', text: 'Fire' }], /The alert “Fire” comes off every screen/],
  ] as [OverrideInput[], RegExp][])('%j', (overrides, text) => {
    const { entries, program } = journal(overrides);
    const last = entries.at(-1)!;
    if (last.type !== 'override') throw new Error('want an override');
    expect(restoreText(program, last, entries)).toMatch(text);
  });
});

describe('reach', () => {
  const screen = screenInfo;
  it('counts only the live screens, not the admin, and those that applied the revision', () => {
    const screens = [
      screen({ screen: 'a', revision: 5 }),
      screen({ screen: 'b', revision: 4 }),
      screen({ screen: 'c', revision: 6, stale: true }),
      screen({ screen: 'd', page: 'admin', revision: 5 }),
      screen({ screen: 'e', page: 'lobby', revision: 7 }),
    ];
    expect(reach(screens, 5)).toEqual({ showing: 2, connected: 3 });
  });
});
