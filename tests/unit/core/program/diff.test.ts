import { describe, expect, it } from 'vitest';
import { diffPrograms, diffSummary, isEmptyDiff } from '../../../../core/program/diff.js';
import type { Program } from '../../../../core/program/schema.js';
import { opml19 } from '../fixtures.js';

const base = opml19();

/** A copy of the OpML '19 program changed by `edit`. */
function changed(edit: (p: Program) => void): Program {
  const p = structuredClone(base);
  edit(p);
  return p;
}

const session = (p: Program, id: string) => {
  const s = p.sessions.find((x) => x.id === id);
  if (!s) throw new Error(`no session ${id}`);
  return s;
};

describe('diffPrograms', () => {
  it.each<[string, (p: Program) => void, string, Record<string, string[]>]>([
    ['nothing changed', () => {}, 'no changes', {}],
    [
      'a session moved to another room',
      (p) => (session(p, 't1-production').room = 'stevens-creek'),
      '1 session moved',
      { 't1-production': ['moved'] },
    ],
    [
      'a session retimed (2019-05-20T10:30:00-07:00 → 10:45)',
      (p) => {
        const s = session(p, 't1-production');
        s.start = '2019-05-20T10:45:00-07:00';
        s.end = '2019-05-20T12:45:00-07:00';
      },
      '1 session retimed',
      { 't1-production': ['retimed'] },
    ],
    [
      'the same instants written in UTC are not a change',
      (p) => {
        const s = session(p, 't1-production');
        s.start = '2019-05-20T17:30:00Z';
        s.end = '2019-05-20T19:30:00Z';
      },
      'no changes',
      {},
    ],
    [
      'a talk of a block retitled retitles the block',
      (p) => {
        const t = session(p, 't1-production').talks[0];
        if (t) t.title = 'A new title';
      },
      '1 session retitled',
      { 't1-production': ['retitled'] },
    ],
    [
      'speakers changed',
      (p) => {
        const t = session(p, 't1-production').talks[0];
        if (t) t.speakers = [{ name: 'Someone Else' }];
      },
      '1 session with new speakers',
      { 't1-production': ['speakers'] },
    ],
    [
      'moved and retimed at once count in both',
      (p) => {
        const s = session(p, 't1-production');
        s.room = 'stevens-creek';
        s.start = '2019-05-20T10:35:00-07:00';
      },
      '1 session moved, 1 retimed',
      { 't1-production': ['retimed', 'moved'] },
    ],
  ])('%s', (_name, edit, summary, changes) => {
    const d = diffPrograms(base, changed(edit));
    expect(diffSummary(d)).toBe(summary);
    expect(Object.fromEntries(d.sessions.changed.map((c) => [c.id, c.changes]))).toEqual(changes);
    expect(isEmptyDiff(d)).toBe(summary === 'no changes');
  });

  it('matches by id, not by position: a reordered program has not changed', () => {
    const d = diffPrograms(
      base,
      changed((p) => p.sessions.reverse()),
    );
    expect(diffSummary(d)).toBe('no changes');
  });

  it('counts added and removed sessions, and rooms added, removed and renamed', () => {
    const after = changed((p) => {
      const lunch = session(p, 'lunch');
      p.sessions = p.sessions.filter((s) => s.id !== 'lunch' && s.id !== 'posters');
      p.sessions.push({ ...structuredClone(lunch), id: 'lunch-2', title: 'Second lunch' });
      const winchester = p.rooms.find((r) => r.id === 'winchester');
      if (winchester) winchester.name = 'Winchester Hall';
      p.rooms = p.rooms.filter((r) => r.id !== 'magnolia');
      p.rooms.push({ id: 'annex', name: 'Annex' });
    });
    const d = diffPrograms(base, after);
    expect(d.sessions.added.map((s) => s.id)).toEqual(['lunch-2']);
    expect(d.sessions.removed.map((s) => s.id).sort()).toEqual(['lunch', 'posters']);
    expect(d.rooms.renamed).toEqual([{ id: 'winchester', from: 'Winchester Room', to: 'Winchester Hall' }]);
    expect(diffSummary(d)).toBe('1 new session, 2 removed; 1 new room, 1 removed, 1 renamed');
  });

  it('says "3 sessions moved, 1 new, 2 retitled" the way the log prints it', () => {
    const after = changed((p) => {
      for (const id of ['t1-production', 'tut-pm1', 'tut-pm2']) session(p, id).room = 'magnolia';
      for (const id of ['lunch', 'posters']) session(p, id).title += ' (updated)';
      p.sessions.push({ ...structuredClone(session(p, 'lunch')), id: 'extra', title: 'Extra' });
    });
    expect(diffSummary(diffPrograms(base, after))).toBe('3 sessions moved, 1 new, 2 retitled');
  });
});
