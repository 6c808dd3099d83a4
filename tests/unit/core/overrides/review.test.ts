import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../../../core/overrides/apply.js';
import type { JournalEntry, OverrideInput } from '../../../../core/overrides/schema.js';
import type { Program } from '../../../../core/program/schema.js';
import { opml19 } from '../fixtures.js';

const AT = '2019-05-20T09:00:00-07:00';
const v1 = opml19();

function v2(edit: (p: Program) => void): Program {
  const p = structuredClone(v1);
  edit(p);
  return p;
}

const session = (p: Program, id: string) => {
  const s = p.sessions.find((x) => x.id === id);
  if (!s) throw new Error(`no session ${id}`);
  return s;
};

const removed = (id: string) => v2((p) => (p.sessions = p.sessions.filter((s) => s.id !== id)));
const moved = (id: string, room: string) => v2((p) => (session(p, id).room = room));
const retimed = (id: string, start: string, end: string) =>
  v2((p) => Object.assign(session(p, id), { start, end }));

/** Override 1 made against v1; a program version at revision 2 replaced it with `now`. */
function applied(o: OverrideInput, now: Program) {
  const journal: JournalEntry[] = [{ type: 'override', revision: 1, at: AT, override: o }];
  return applyOverrides(now, journal, { madeAgainst: (rev) => (rev < 2 ? v1 : undefined) });
}

describe('applyOverrides across program versions', () => {
  it.each<[string, OverrideInput, Program, 'gone' | 'review' | null, string]>([
    [
      'a delay on a session the version removed: no longer applies, with what it was',
      { kind: 'delay', session: 't1-production', minutes: 10 },
      removed('t1-production'),
      'gone',
      'no longer applies: session “Production Experiences and Learnings” (t1-production) is not in this version of the program; kept in the log, not applied',
    ],
    [
      'a cancel of a talk the version removed',
      { kind: 'cancel', talk: 't1-production-2' },
      removed('t1-production'),
      'gone',
      'talk “',
    ],
    [
      'a move to a room the version removed',
      { kind: 'move', session: 't1-production', room: 'magnolia' },
      v2((p) => {
        p.rooms = p.rooms.filter((r) => r.id !== 'magnolia');
        p.sessions = p.sessions.filter((s) => s.room !== 'magnolia');
      }),
      'gone',
      'room “Magnolia Room” (magnolia)',
    ],
    [
      'a delay on a session the version itself retimed (10:30 → 10:45 -07:00): to review',
      { kind: 'delay', session: 't1-production', minutes: 10 },
      retimed('t1-production', '2019-05-20T10:45:00-07:00', '2019-05-20T12:45:00-07:00'),
      'review',
      'to review: this version itself retimed it from 10:30 to 10:45 (“Production Experiences and Learnings”, t1-production); the delay still applies on top of that',
    ],
    [
      'a move of a session the version itself moved: to review',
      { kind: 'move', session: 't1-production', room: 'magnolia', force: true },
      moved('t1-production', 'stevens-creek'),
      'review',
      'this version itself moved it from Winchester Room to Stevens Creek Room',
    ],
    [
      'a delay on a session the version only retitled: nothing to review',
      { kind: 'delay', session: 't1-production', minutes: 10 },
      v2((p) => (session(p, 't1-production').title = 'Renamed')),
      null,
      '',
    ],
    [
      'a cancel of a session the version moved: a cancel stays a cancel',
      { kind: 'cancel', session: 't1-production' },
      moved('t1-production', 'stevens-creek'),
      null,
      '',
    ],
  ])('%s', (_name, o, now, status, text) => {
    const r = applied(o, now);
    expect(r.review.map((x) => x.status)).toEqual(status ? [status] : []);
    if (status) {
      expect(r.review[0]?.text).toContain(text);
      expect(r.problems).toEqual([`revision 1 (${o.kind}): ${r.review[0]?.text}`]);
    } else expect(r.problems).toEqual([]);
  });

  it('a delay flagged for review is still applied on top of the new time', () => {
    const now = retimed('t1-production', '2019-05-20T10:45:00-07:00', '2019-05-20T12:45:00-07:00');
    const r = applied({ kind: 'delay', session: 't1-production', minutes: 10 }, now);
    expect(session(r.program, 't1-production').start).toBe('2019-05-20T10:55:00-07:00');
  });

  it('without madeAgainst (the same version) nothing is reviewed', () => {
    const journal: JournalEntry[] = [
      { type: 'override', revision: 1, at: AT, override: { kind: 'delay', session: 'nope', minutes: 5 } },
    ];
    const r = applyOverrides(v1, journal);
    expect(r.review).toEqual([]);
    expect(r.problems).toEqual([
      'revision 1 (delay): unknown session "nope" (the program changed?); skipped',
    ]);
  });
});
