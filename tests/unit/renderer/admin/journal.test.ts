import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../core/overrides/schema.js';
import { describeOverride, logRows } from '../../../../renderer/admin/journal.js';

const zone = 'America/Los_Angeles';
const program = {
  rooms: [
    { id: 'winchester', name: 'Winchester Room' },
    { id: 'magnolia', name: 'Magnolia Room' },
  ],
  sessions: [
    {
      id: 's1',
      title: 'Production ML',
      kind: 'talks' as const,
      audience: 'room' as const,
      start: '2019-05-20T10:30:00-07:00',
      end: '2019-05-20T12:30:00-07:00',
      room: 'winchester',
      chairs: [],
      sponsors: [],
      speakers: [],
      talks: [{ id: 's1-1', title: 'First talk', kind: 'talk' as const, speakers: [], media: false }],
    },
  ],
};

describe('describeOverride', () => {
  it.each([
    [{ kind: 'cancel', talk: 's1-1', note: 'ill' }, 'Cancel talk “First talk” — ill'],
    [{ kind: 'delay', session: 's1', minutes: -5 }, 'Delay “Production ML” −5 min'],
    [
      { kind: 'delay', session: 's1', minutes: 10, cascade: true },
      'Delay “Production ML” +10 min, later sessions too',
    ],
    [
      { kind: 'move', session: 's1', room: 'magnolia', force: true },
      'Move “Production ML” to Magnolia Room (forced)',
    ],
    [{ kind: 'edit', session: 's1', title: 'New' }, 'Edit “Production ML”: title “New”'],
    [
      { kind: 'now-speaking', session: 's1', talk: 's1-1' },
      'Now speaking in “Production ML”: talk “First talk”',
    ],
    [
      { kind: 'announce', text: 'Coffee', from: '2019-05-20T17:30:00Z' },
      'Announce “Coffee” on all screens from 10:30 AM',
    ],
    [{ kind: 'announce', text: 'Hi', rooms: ['winchester'] }, 'Announce “Hi” on Winchester Room'],
    [{ kind: 'alert', text: 'Evacuate' }, 'ALERT “Evacuate”'],
    [{ kind: 'cancel', session: 'gone' }, 'Cancel gone'],
  ] as const)('%j', (o, text) => {
    expect(describeOverride(program, o as never, zone)).toBe(text);
  });
});

describe('logRows', () => {
  const at = '2019-05-20T10:31:00-07:00';
  const entries: JournalEntry[] = [
    { type: 'override', revision: 1, at, override: { kind: 'alert', text: 'Fire' } },
    {
      type: 'clock',
      revision: 2,
      at,
      clock: { mode: 'simulated', anchorReal: 0, anchorSim: Date.parse(at), rate: 0 },
    },
    { type: 'override', revision: 3, at, override: { kind: 'delay', session: 's1', minutes: 10 } },
    { type: 'revert', revision: 4, at, target: 1 },
  ];

  it('lists newest first, marks reverted overrides and offers undo only on live ones', () => {
    const rows = logRows(entries, program, zone);
    expect(rows.map((r) => [r.revision, r.canUndo, r.revertedBy])).toEqual([
      [4, false, null],
      [3, true, null],
      [2, false, null],
      [1, false, 4],
    ]);
    expect(rows[0]!.text).toBe('Undo #1: ALERT “Fire”');
    expect(rows[2]!.text).toBe('Clock paused at Mon 10:31 AM');
    expect(rows[3]!.time).toBe('10:31 AM');
  });

  it('a program version: "program updated from <source>: <summary>", never undoable', () => {
    const version: JournalEntry = {
      type: 'program',
      revision: 5,
      at,
      source: 'https://pretalx.example/conf/schedule.json',
      hash: 'a'.repeat(64),
      summary: '3 sessions moved, 1 new, 2 retitled',
    };
    const [row] = logRows([...entries, version], program, zone);
    expect(row).toMatchObject({
      revision: 5,
      kind: 'program',
      canUndo: false,
      text: 'program updated from https://pretalx.example/conf/schedule.json: 3 sessions moved, 1 new, 2 retitled',
    });
  });
});

describe('a screen entry in the log says what staff set', () => {
  const at = '2019-05-20T10:31:00-07:00';
  it.each([
    [{ page: 'room', room: 'winchester' }, 'Screen “door”: shows Winchester Room'],
    [
      { page: 'room', room: 'winchester', location: 'Entrance' },
      'Screen “door”: shows Winchester Room, stands at “Entrance”',
    ],
    [{ page: 'lobby', location: 'Foyer' }, 'Screen “door”: shows the lobby, stands at “Foyer”'],
    [null, 'Screen “door”: shows what its address says'],
  ] as const)('%j → %s', (assignment, text) => {
    const e: JournalEntry = {
      type: 'screen',
      revision: 1,
      at,
      action: 'assign',
      screens: ['door'],
      assignment,
    };
    expect(logRows([e], program, zone)[0]!.text).toBe(text);
  });
});
