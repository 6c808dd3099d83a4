import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../../../core/overrides/apply.js';
import type { JournalEntry, OverrideInput } from '../../../../core/overrides/schema.js';
import type { ClockInfo, Snapshot } from '../../../../core/protocol/index.js';
import { dayCut } from '../../../../core/schedule/day.js';
import { nowNext } from '../../../../core/schedule/now-next.js';
import { RoomRenewal, stepRoomJournal } from '../../../../renderer/lib/client-room.js';
import { opml19, t } from '../../core/fixtures.js';

const AT = '2019-05-20T09:00:00-07:00';
const ROOM = 'winchester';
const clock: ClockInfo = { state: { mode: 'real' }, hostReal: 1, now: AT };
const base = opml19();

function payload(journal: JournalEntry[]): Snapshot {
  const { program, window } = dayCut(applyOverrides(base, journal).program, t(AT), ROOM);
  return {
    revision: journal.length,
    program,
    overrides: [],
    clock,
    rooms: base.rooms,
    problems: [],
    partial: window,
  };
}
const entry = (revision: number, override: OverrideInput): JournalEntry => ({
  type: 'override',
  revision,
  at: AT,
  override,
});
const event = (e: JournalEntry) => JSON.stringify({ entry: e, clock });

/** What the room screen shows through the day: must equal the full program's. */
const shownAllDay = (p: Snapshot['program']) =>
  [9, 10, 11, 13, 14, 15, 16, 17, 18].map((h) => {
    const nn = nowNext(p, ROOM, t(`2019-05-20T${String(h).padStart(2, '0')}:10:00-07:00`));
    return [
      nn.current?.id,
      nn.current?.start,
      nn.next?.id,
      nn.next?.start,
      nn.changed.map((s) => s.id),
      nn.current?.cancelled,
    ];
  });

describe('stepRoomJournal', () => {
  it.each<[string, OverrideInput]>([
    [
      'a delay of this room’s session, cascading',
      { kind: 'delay', session: 't1-production', minutes: 20, cascade: true },
    ],
    ['a cancel here', { kind: 'cancel', session: 'tut-pm1', note: 'speaker ill' }],
    ['a move away from here', { kind: 'move', session: 'tut-pm2', room: 'magnolia', force: true }],
    ['a delay elsewhere', { kind: 'delay', session: 't2-pm1', minutes: 10 }],
    ['a cancel of a talk elsewhere', { kind: 'cancel', session: 't2-pm3' }],
    ['an announcement', { kind: 'announce', text: 'Coffee in the lobby' }],
    ['an alert', { kind: 'alert', text: 'Drill' }],
  ])('%s: applied in the page, same as the host’s full program', (_, o) => {
    const e = entry(1, o);
    const step = stepRoomJournal(payload([]), event(e));
    expect(step.kind).toBe('next');
    if (step.kind !== 'next') return;
    const full = applyOverrides(base, [e]).program;
    expect(shownAllDay(step.snapshot.program)).toEqual(shownAllDay(full));
    expect(step.snapshot.program.announcements).toEqual(full.announcements);
    expect(step.snapshot.program.alerts).toEqual(full.alerts);
    expect(step.snapshot.revision).toBe(1);
    expect(step.snapshot.overrides).toEqual([]);
    expect(step.snapshot.problems).toEqual([]);
  });

  it.each<[string, JournalEntry]>([
    ['a move into this room', entry(1, { kind: 'move', session: 't2-pm1', room: ROOM, force: true })],
    ['a delay of a session it lacks', entry(1, { kind: 'delay', session: 'not-today', minutes: 10 })],
    ['a revert', { type: 'revert', revision: 1, at: AT, target: 1 }],
    [
      'a program version',
      { type: 'program', revision: 1, at: AT, source: 'x.xml', hash: 'a'.repeat(64), summary: '' },
    ],
    ['a gap', entry(3, { kind: 'alert', text: 'x' })],
    // cut at its instant, the payload lacks what was on elsewhere before it
    ['a clock change', { type: 'clock', revision: 1, at: AT, clock: { mode: 'real' } }],
  ])('%s: the room payload is fetched again', (_, e) => {
    expect(stepRoomJournal(payload([]), event(e)).kind).toBe('refetch');
  });

  it('an edit of a session it lacks: passed over, the revision moves on, no problem listed', () => {
    const s = payload([]);
    const step = stepRoomJournal(s, event(entry(1, { kind: 'edit', session: 'elsewhere-else', title: 'X' })));
    expect(step).toEqual({ kind: 'next', snapshot: { ...s, revision: 1 } });
  });
});

describe('RoomRenewal', () => {
  it.each([
    ['before renew', '2019-05-21T03:59:00-07:00', 0, false],
    ['at renew', '2019-05-21T04:00:00-07:00', 0, true],
  ])('%s (%s): due %s', (_, now, real, due) => {
    expect(new RoomRenewal().due(payload([]), t(now), real)).toBe(due);
  });

  it('offline, tries again once a minute, not every tick', () => {
    const r = new RoomRenewal();
    const now = t('2019-05-21T05:00:00-07:00');
    expect([
      r.due(payload([]), now, 0),
      r.due(payload([]), now, 1_000),
      r.due(payload([]), now, 60_000),
    ]).toEqual([true, false, true]);
  });
});
