import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgramShape } from '../../../../core/program/schema.js';
import { roomName, searchSessions, sortedSessions } from '../../../../renderer/admin/sessions.js';

const program = ProgramShape.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../data/opml19.json'), 'utf8')),
);

describe('sortedSessions', () => {
  it('orders by start, venue-wide first, then rooms in program order', () => {
    const ids = sortedSessions(program).map((s) => s.id);
    expect(ids.slice(0, 4)).toEqual(['breakfast', 'opening', 'keynote', 'break-am']);
    expect(ids.slice(4, 7)).toEqual(['t1-production', 't2-deep-learning', 'tut-am']);
    expect(ids.at(-1)).toBe('posters');
  });
});

describe('searchSessions', () => {
  it('lists every session with all its talks for an empty query', () => {
    const all = searchSessions(program, '  ');
    expect(all).toHaveLength(program.sessions.length);
    expect(all.find((m) => m.session.id === 't2-pm1')?.talks.length).toBeGreaterThan(0);
  });

  it.each([
    ['stevens creek', ['t2-deep-learning', 't2-pm1', 't2-pm2', 't2-pm3']],
    ['HANDLING heterogeneity', ['t2-pm1']],
    ['Magnolia', ['lunch']],
  ])('%s → %j', (query, ids) => {
    expect(searchSessions(program, query).map((m) => m.session.id)).toEqual(ids);
  });

  it('finds a talk by its speaker and lists only that talk', () => {
    const talk = program.sessions.find((s) => s.id === 't2-pm1')!.talks[0]!;
    const speaker = talk.speakers[0]!.name;
    const hits = searchSessions(program, speaker);
    const inSession = hits.find((m) => m.session.id === 't2-pm1');
    expect(inSession?.talks.map((t) => t.id)).toContain(talk.id);
    expect(inSession!.talks.length).toBeLessThan(
      program.sessions.find((s) => s.id === 't2-pm1')!.talks.length,
    );
  });

  it('answers nothing for a word nobody has', () => {
    expect(searchSessions(program, 'zzzqqq')).toEqual([]);
  });
});

describe('roomName', () => {
  it.each([
    [null, 'Everywhere'],
    ['winchester', 'Winchester Room'],
    ['gone', 'gone'],
  ])('%s → %s', (id, name) => {
    expect(roomName(program, id)).toBe(name);
  });
});
