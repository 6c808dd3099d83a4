import { describe, expect, it } from 'vitest';
import { applyOverrides, checkOverride } from '../../../../core/overrides/apply.js';
import { checkRevert } from '../../../../core/overrides/revert.js';
import type { JournalEntry, OverrideInput } from '../../../../core/overrides/schema.js';
import { ProgramShape, type Program } from '../../../../core/program/schema.js';
import { nowNext } from '../../../../core/schedule/now-next.js';
import { opml19, t } from '../fixtures.js';

const base = opml19();
const AT = '2019-05-20T09:00:00-07:00';

/** A journal from overrides and `{ revert: n }`, numbered 1, 2, 3, ... */
function journal(...items: (OverrideInput | { revert: number } | { clockAt: string })[]): JournalEntry[] {
  return items.map((item, i): JournalEntry => {
    const revision = i + 1;
    if ('revert' in item) return { type: 'revert', revision, at: AT, target: item.revert };
    if ('clockAt' in item)
      return {
        type: 'clock',
        revision,
        at: AT,
        clock: { mode: 'simulated', anchorReal: 0, anchorSim: t(item.clockAt), rate: 1 },
      };
    return { type: 'override', revision, at: AT, override: item };
  });
}

function apply(...items: Parameters<typeof journal>): Program {
  const r = applyOverrides(base, journal(...items));
  expect(r.problems).toEqual([]);
  ProgramShape.parse(r.program); // still a valid program: it is what screens get
  return r.program;
}

const get = (p: Program, id: string) => {
  const s = p.sessions.find((x) => x.id === id);
  if (!s) throw new Error(`no session ${id}`);
  return s;
};
const hm = (iso: string) => iso.slice(11, 16);
const times = (p: Program, ids: string[]) =>
  ids.map((id) => `${id} ${hm(get(p, id).start)}–${hm(get(p, id).end)}`);

describe('applyOverrides: delay', () => {
  const watched = ['t1-production', 'lunch', 'tut-pm1', 'tut-pm2', 'break-pm', 'tut-pm3', 'posters'];
  it.each<[string, OverrideInput, string[]]>([
    [
      'no cascade: only the session moves',
      { kind: 'delay', session: 't1-production', minutes: 15 },
      [
        't1-production 10:45–12:45',
        'lunch 12:30–13:30',
        'tut-pm1 13:30–14:30',
        'tut-pm2 14:30–15:30',
        'break-pm 15:30–16:00',
        'tut-pm3 16:00–18:00',
        'posters 18:00–19:00',
      ],
    ],
    [
      'cascade across lunch and the break: the room follows, lunch and the break stay',
      { kind: 'delay', session: 't1-production', minutes: 20, cascade: true },
      [
        't1-production 10:50–12:50',
        'lunch 12:30–13:30',
        'tut-pm1 13:50–14:50',
        'tut-pm2 14:50–15:50',
        'break-pm 15:30–16:00',
        'tut-pm3 16:20–18:20',
        'posters 18:00–19:00',
      ],
    ],
    [
      'cascade from the middle: earlier sessions stay',
      { kind: 'delay', session: 'tut-pm2', minutes: 10, cascade: true },
      [
        't1-production 10:30–12:30',
        'lunch 12:30–13:30',
        'tut-pm1 13:30–14:30',
        'tut-pm2 14:40–15:40',
        'break-pm 15:30–16:00',
        'tut-pm3 16:10–18:10',
        'posters 18:00–19:00',
      ],
    ],
    [
      'early start',
      { kind: 'delay', session: 'tut-pm3', minutes: -15 },
      [
        't1-production 10:30–12:30',
        'lunch 12:30–13:30',
        'tut-pm1 13:30–14:30',
        'tut-pm2 14:30–15:30',
        'break-pm 15:30–16:00',
        'tut-pm3 15:45–17:45',
        'posters 18:00–19:00',
      ],
    ],
    [
      'a venue-wide item delayed alone',
      { kind: 'delay', session: 'break-pm', minutes: 5, cascade: true },
      [
        't1-production 10:30–12:30',
        'lunch 12:30–13:30',
        'tut-pm1 13:30–14:30',
        'tut-pm2 14:30–15:30',
        'break-pm 15:35–16:05',
        'tut-pm3 16:00–18:00',
        'posters 18:00–19:00',
      ],
    ],
  ])('%s', (_name, o, expected) => {
    expect(times(apply(o), watched)).toEqual(expected);
  });

  it('keeps the printed times, adds up delays, writes venue offsets', () => {
    const p = apply(
      { kind: 'delay', session: 'tut-pm1', minutes: 10 },
      { kind: 'delay', session: 'tut-pm1', minutes: 5 },
    );
    expect(get(p, 'tut-pm1')).toMatchObject({
      start: '2019-05-20T13:45:00-07:00',
      end: '2019-05-20T14:45:00-07:00',
      delayMinutes: 15,
      original: { start: '2019-05-20T13:30:00-07:00', end: '2019-05-20T14:30:00-07:00', room: 'winchester' },
    });
  });

  it('a delay and its opposite leave the session as printed', () => {
    const p = apply(
      { kind: 'delay', session: 'tut-pm1', minutes: 10 },
      { kind: 'delay', session: 'tut-pm1', minutes: -10 },
    );
    expect(get(p, 'tut-pm1')).toEqual(get(base, 'tut-pm1'));
  });

  it('now/next follows the delay', () => {
    const p = apply({ kind: 'delay', session: 't1-production', minutes: 15, cascade: true });
    const n = nowNext(p, 'winchester', t('2019-05-20T10:35:00-07:00'));
    expect(n.state).toBe('between-sessions');
    expect(n.next?.id).toBe('t1-production');
    expect(n.next?.delayMinutes).toBe(15);
    expect(n.next?.talkTimes[0]?.start).toBe('2019-05-20T10:45:00-07:00');
  });
});

describe('applyOverrides: move', () => {
  const free: OverrideInput = { kind: 'move', session: 't1-pm1', room: 'santa-clara-ballroom' };
  const taken: OverrideInput = { kind: 'move', session: 't1-pm1', room: 'winchester' };

  it('into a free room: accepted, the old room says where it went', () => {
    expect(checkOverride(base, free)).toBeNull();
    const p = apply(free);
    expect(get(p, 't1-pm1')).toMatchObject({
      room: 'santa-clara-ballroom',
      original: { room: 'lawrence-san-tomas-lafayette' },
    });
    const at = t('2019-05-20T13:45:00-07:00');
    const old = nowNext(p, 'lawrence-san-tomas-lafayette', at);
    expect(old.current).toMatchObject({ id: 't1-pm1', movedTo: 'santa-clara-ballroom' });
    expect(old.state).toBe('between-sessions');
    const moved = nowNext(p, 'santa-clara-ballroom', at);
    expect(moved.state).toBe('in-session');
    expect(moved.current?.id).toBe('t1-pm1');
    expect(moved.current?.movedTo).toBeUndefined();
  });

  it('into an occupied room: 409 naming the session there, unless forced', () => {
    const r = checkOverride(base, taken);
    expect(r?.status).toBe(409);
    expect(r?.error).toMatch(
      /Winchester Room has "Tutorials Track" \(tut-pm1, 1:30 PM–2:30 PM\).*send force: true to move anyway/,
    );
    expect(checkOverride(base, { ...taken, force: true })).toBeNull();
    expect(get(apply({ ...taken, force: true }), 't1-pm1').room).toBe('winchester');
  });

  it('a cancelled session does not block the room', () => {
    const p = apply({ kind: 'cancel', session: 'tut-pm1' });
    expect(checkOverride(p, taken)).toBeNull();
  });

  it('moved back: as printed again', () => {
    const p = apply(free, { kind: 'move', session: 't1-pm1', room: 'lawrence-san-tomas-lafayette' });
    expect(get(p, 't1-pm1')).toEqual(get(base, 't1-pm1'));
  });
});

describe('applyOverrides: now speaking, cancel, edit, notices', () => {
  it('now speaking re-estimates the talks from that moment', () => {
    const entries = journal({ kind: 'now-speaking', session: 't2-pm1', talk: 't2-pm1-2' });
    entries[0]!.at = '2019-05-20T13:55:00-07:00';
    const { program: p, problems } = applyOverrides(base, entries);
    expect(problems).toEqual([]);
    expect(get(p, 't2-pm1').nowSpeaking).toEqual({ talk: 't2-pm1-2', since: '2019-05-20T13:55:00-07:00' });
    const n = nowNext(p, 'stevens-creek', t('2019-05-20T13:52:00-07:00'));
    expect(n.current?.onNow?.talk).toBe('t2-pm1-1'); // before the pointer: the first talk ran long
    const later = nowNext(p, 'stevens-creek', t('2019-05-20T14:10:00-07:00'));
    expect(later.current?.onNow).toMatchObject({
      talk: 't2-pm1-2',
      start: '2019-05-20T13:55:00-07:00',
      estimated: true,
    });
    expect(later.current?.talkTimes[2]).toMatchObject({
      start: '2019-05-20T14:12:30-07:00',
      end: '2019-05-20T14:30:00-07:00',
    });
  });

  it('a cancelled session stays, marked; the room is between sessions', () => {
    const p = apply({ kind: 'cancel', session: 't1-production', note: 'speaker ill' });
    expect(get(p, 't1-production').cancelled).toEqual({ note: 'speaker ill' });
    const n = nowNext(p, 'winchester', t('2019-05-20T11:00:00-07:00'));
    expect(n.current?.id).toBe('t1-production');
    expect(n.current?.cancelled).toEqual({ note: 'speaker ill' });
    expect(n.state).toBe('between-sessions');
  });

  it('a cancelled talk takes no time in the estimate', () => {
    const p = apply({ kind: 'cancel', talk: 't2-pm1-1' });
    const n = nowNext(p, 'stevens-creek', t('2019-05-20T13:35:00-07:00'));
    expect(n.current?.onNow?.talk).toBe('t2-pm1-2');
    expect(n.current?.talks[0]?.cancelled).toEqual({});
  });

  it('edits a session and a talk', () => {
    const speakers = [{ name: 'Ada Lovelace', affiliation: 'Analytical Engines' }];
    const p = apply(
      { kind: 'edit', session: 'tut-pm1', title: 'Renamed tutorial', note: 'bring a laptop' },
      { kind: 'edit', talk: 't2-pm1-3', speakers },
    );
    expect(get(p, 'tut-pm1')).toMatchObject({ title: 'Renamed tutorial', note: 'bring a laptop' });
    expect(get(p, 't2-pm1').talks[2]?.speakers).toEqual(speakers);
  });

  it('announcements and alerts carry their revision as id', () => {
    const p = apply(
      {
        kind: 'announce',
        text: 'Lunch is in the Magnolia Room',
        rooms: ['winchester'],
        until: '2019-05-20T13:30:00-07:00',
      },
      { kind: 'alert', text: 'Please leave the building' },
      { clockAt: '2019-05-20T10:00:00-07:00' },
    );
    expect(p.announcements).toEqual([
      {
        id: 1,
        text: 'Lunch is in the Magnolia Room',
        rooms: ['winchester'],
        until: '2019-05-20T13:30:00-07:00',
      },
    ]);
    expect(p.alerts).toEqual([{ id: 2, text: 'Please leave the building' }]);
  });

  it('leaves its input alone', () => {
    const before = structuredClone(base);
    applyOverrides(
      base,
      journal(
        { kind: 'delay', session: 'tut-pm1', minutes: 10, cascade: true },
        { kind: 'alert', text: 'x' },
      ),
    );
    expect(base).toEqual(before);
  });
});

describe('applyOverrides: revert', () => {
  it.each<[string, OverrideInput]>([
    ['cancel', { kind: 'cancel', session: 't1-production', note: 'x' }],
    ['cancel a talk', { kind: 'cancel', talk: 't1-production-2' }],
    ['delay with cascade', { kind: 'delay', session: 't1-production', minutes: 30, cascade: true }],
    ['move', { kind: 'move', session: 't1-pm1', room: 'winchester', force: true }],
    ['edit', { kind: 'edit', talk: 't2-pm1-1', title: 'Other title' }],
    ['now-speaking', { kind: 'now-speaking', session: 't2-pm1', talk: 't2-pm1-3' }],
    ['announce', { kind: 'announce', text: 'Hello' }],
    ['alert', { kind: 'alert', text: 'Fire drill' }],
  ])('reverting a %s gives the program back', (_name, o) => {
    expect(apply(o)).not.toEqual(base);
    expect(apply(o, { revert: 1 })).toEqual(base);
  });

  it('only the reverted one is undone', () => {
    const p = apply({ kind: 'alert', text: 'one' }, { kind: 'alert', text: 'two' }, { revert: 1 });
    expect(p.alerts).toEqual([{ id: 2, text: 'two' }]);
  });

  it.each<[string, Parameters<typeof journal>, RegExp]>([
    [
      'a revert of a revert',
      [{ kind: 'alert', text: 'a' }, { revert: 1 }, { revert: 2 }],
      /^revision 3 \(revert\): revision 2 is itself a revert; reverting a revert is not allowed/,
    ],
    [
      'a clock change',
      [{ clockAt: AT }, { revert: 1 }],
      /^revision 2 \(revert\): revision 1 is a clock change/,
    ],
    [
      'a revision that does not exist',
      [{ revert: 7 }],
      /^revision 1 \(revert\): there is no revision 7 to revert; skipped$/,
    ],
    [
      'twice the same',
      [{ kind: 'alert', text: 'a' }, { revert: 1 }, { revert: 1 }],
      /^revision 3 \(revert\): revision 1 is already reverted \(by revision 2\)/,
    ],
  ])('refuses %s, as a problem', (_name, items, message) => {
    const r = applyOverrides(base, journal(...items));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(message);
    expect(r.program.alerts).toEqual([]);
  });

  it('checkRevert answers the host before it logs a revert', () => {
    const j = journal({ kind: 'alert', text: 'a' }, { revert: 1 }, { kind: 'alert', text: 'b' });
    expect(checkRevert(base, j, 3)).toBeNull();
    expect(checkRevert(base, j, 1)).toMatchObject({
      status: 409,
      error: expect.stringMatching(/already reverted \(by revision 2\)/),
    });
    expect(checkRevert(base, j, 2)).toMatchObject({
      status: 409,
      error: expect.stringMatching(/itself a revert/),
    });
    expect(checkRevert(base, j, 9)).toMatchObject({
      status: 404,
      error: expect.stringMatching(/No override with id 9/),
    });
  });
});

describe('applyOverrides on a program that no longer has what the journal names', () => {
  it.each<[string, OverrideInput, RegExp]>([
    ['cancel', { kind: 'cancel', session: 'gone' }, /^revision 1 \(cancel\): unknown session "gone"/],
    ['cancel a talk', { kind: 'cancel', talk: 'gone-1' }, /^revision 1 \(cancel\): unknown talk "gone-1"/],
    [
      'delay',
      { kind: 'delay', session: 'gone', minutes: 5, cascade: true },
      /^revision 1 \(delay\): unknown session "gone"/,
    ],
    [
      'move to a room',
      { kind: 'move', session: 'tut-pm1', room: 'attic' },
      /^revision 1 \(move\): unknown room "attic"/,
    ],
    ['edit', { kind: 'edit', talk: 'gone-1', title: 'x' }, /^revision 1 \(edit\): unknown talk "gone-1"/],
    [
      'now-speaking',
      { kind: 'now-speaking', session: 't2-pm1', talk: 'gone-1' },
      /^revision 1 \(now-speaking\): session "t2-pm1" has no talk "gone-1"/,
    ],
    [
      'announce',
      { kind: 'announce', text: 'x', rooms: ['attic'] },
      /^revision 1 \(announce\): unknown room "attic"/,
    ],
  ])('%s: reported, skipped, the rest applied', (_name, o, message) => {
    const r = applyOverrides(base, journal(o, { kind: 'alert', text: 'still here' }));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(message);
    expect(r.program.alerts).toEqual([{ id: 2, text: 'still here' }]);
    expect(r.program.sessions).toEqual(base.sessions);
  });

  it('an announcement keeps the rooms that still exist', () => {
    const r = applyOverrides(base, journal({ kind: 'announce', text: 'x', rooms: ['attic', 'winchester'] }));
    expect(r.problems[0]).toMatch(/unknown room "attic".*shown on the other rooms/);
    expect(r.program.announcements[0]?.rooms).toEqual(['winchester']);
  });
});

describe('checkOverride', () => {
  it.each<[OverrideInput, RegExp]>([
    [
      { kind: 'cancel', session: 'nope' },
      /^Unknown session "nope"\. Sessions: breakfast, opening, .*… \(\d+ more\)$/,
    ],
    [{ kind: 'edit', talk: 'nope', title: 'x' }, /^Unknown talk "nope"\. Talks: keynote-1, /],
    [{ kind: 'delay', session: 'nope', minutes: 5 }, /^Unknown session "nope"/],
    [
      { kind: 'move', session: 'tut-pm1', room: 'attic' },
      /^Unknown room "attic"\. Rooms: santa-clara-ballroom, winchester/,
    ],
    [{ kind: 'move', session: 'nope', room: 'winchester' }, /^Unknown session "nope"/],
    [
      { kind: 'now-speaking', session: 't2-pm1', talk: 't1-production-1' },
      /^Session "t2-pm1" has no talk "t1-production-1"\. Its talks: t2-pm1-1, t2-pm1-2, t2-pm1-3$/,
    ],
    [{ kind: 'announce', text: 'x', rooms: ['winchester', 'attic'] }, /^Unknown room "attic"/],
  ])('404: %j', (o, message) => {
    const r = checkOverride(base, o);
    expect(r?.status).toBe(404);
    expect(r?.error).toMatch(message);
  });

  it.each<[OverrideInput]>([
    [{ kind: 'cancel', talk: 't2-pm1-2' }],
    [{ kind: 'delay', session: 'tut-pm1', minutes: 5, cascade: true }],
    [{ kind: 'move', session: 't1-pm1', room: 'magnolia' }],
    [{ kind: 'now-speaking', session: 't2-pm1', talk: 't2-pm1-2' }],
    [{ kind: 'announce', text: 'x' }],
    [{ kind: 'alert', text: 'x' }],
  ])('accepts %j', (o) => {
    expect(checkOverride(base, o)).toBeNull();
  });
});

describe('applyOverrides: alerts alone', () => {
  it('copy nothing under them: the same sessions and rooms, the input untouched', () => {
    const before = structuredClone(base);
    const r = applyOverrides(
      base,
      journal({ kind: 'announce', text: 'x' }, { revert: 1 }, { kind: 'alert', text: 'Leave now' }),
    );
    expect(r.program.alerts).toEqual([{ id: 3, text: 'Leave now' }]);
    expect(r.program.sessions).toBe(base.sessions);
    expect(r.program.rooms).toBe(base.rooms);
    expect(r.program.alerts).not.toBe(base.alerts);
    expect(base).toEqual(before);
    // the same program the full replay gives, an announcement after it taking that path
    const full = applyOverrides(
      base,
      journal({ kind: 'alert', text: 'Leave now' }, { kind: 'announce', text: 'y' }, { revert: 2 }),
    );
    expect(r.program).toEqual({ ...full.program, alerts: [{ id: 3, text: 'Leave now' }] });
  });

  it.each<[string, (s: Program['sessions'][number]) => void]>([
    ['delayed by 0 minutes', (s) => void (s.delayMinutes = 0)],
    ['moved back where it was', (s) => void (s.original = { room: s.room, start: s.start, end: s.end })],
  ])('a session %s is still tidied, on a copy (the full path)', (_name, mark) => {
    const p = structuredClone(base);
    mark(p.sessions[0]!);
    const r = applyOverrides(p, journal({ kind: 'alert', text: 'a' }));
    expect(r.program.sessions).not.toBe(p.sessions);
    expect(r.program.sessions[0]).toEqual(base.sessions[0]);
    expect(p.sessions[0]).not.toEqual(base.sessions[0]);
  });
});
