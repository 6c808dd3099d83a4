import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProgramShape, type Person, type Program } from '../../../core/program/schema.js';
import { parseProgram } from '../../../core/program/parse.js';

// The seed is the published program page as text; data/opml19.json is its hand-checked
// transcription. This test re-reads the seed by its own structure, so a talk, a person or a
// paragraph dropped from (or added to) the JSON fails here.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const seedPath = path.resolve(repoRoot, '..', 'shared', 'seeds', '000_3a9809ae7f320883.txt');
const dataPath = path.resolve(repoRoot, 'data', 'opml19.json');

interface SeedPerson {
  name: string;
  affiliation?: string;
  role?: string;
}
interface SeedTalk {
  title: string;
  people: SeedPerson[];
  panel: boolean;
  media: boolean;
  bioNames: string[];
  /** Abstract, prerequisites and bio paragraphs as the seed writes them. */
  text: string[];
}
interface SeedSession {
  start: string;
  end: string;
  header: string;
  track?: string;
  title?: string;
  room?: string;
  chairs: SeedPerson[];
  sponsors: string[];
  talks: SeedTalk[];
}

const TIME = /^(\d{1,2}):(\d{2}) ([ap]m)–(\d{1,2}):(\d{2}) ([ap]m)$/;
const TRACKS = new Set(['Presentations Track 1', 'Presentations Track 2', 'Tutorials Track']);
const ROOM = /(Room|Rooms|Ballroom)$/;
// Two to five capitalised words: "Michael I. Jordan", "P Satya Madhuri", "Kuan-Yen Chou".
const NAME = /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,4}$/u;

function iso(h: string, m: string, ampm: string): string {
  const hour = (Number(h) % 12) + (ampm === 'pm' ? 12 : 0);
  return `2019-05-20T${String(hour).padStart(2, '0')}:${m}:00-07:00`;
}

/** "A, B, and C, Aff; D, Aff2" → people, or null when the line is not a list of people. */
function peopleLine(line: string): SeedPerson[] | null {
  if (!line.includes(', ')) return null;
  const out: SeedPerson[] = [];
  for (const group of line.split('; ')) {
    const parts = group.split(', ');
    const last = parts.findIndex((p) => p.startsWith('and '));
    let names: string[];
    let aff: string[];
    if (last >= 0)
      [names, aff] = [parts.slice(0, last + 1).map((p) => p.replace(/^and /, '')), parts.slice(last + 1)];
    else if (parts[0]!.includes(' and ')) [names, aff] = [parts[0]!.split(' and '), parts.slice(1)];
    else [names, aff] = [[parts[0]!], parts.slice(1)];
    // An affiliation is a name, not a sentence: "At LinkedIn, we provide value…" is abstract text.
    const affText = aff.join(', ');
    if (!names.every((n) => NAME.test(n)) || affText.length > 120 || /\. /.test(affText)) return null;
    for (const name of names) out.push(affText ? { name, affiliation: affText } : { name });
  }
  return out;
}

function parseSeed(text: string): { sessions: SeedSession[]; rooms: string[] } {
  const lines = text.split('\n').map((l) => l.trim());
  const day = lines.indexOf('May 20, 2019');
  if (day < 0) throw new Error(`${seedPath}: no "May 20, 2019" heading; is this the OpML '19 seed?`);
  const sessions: SeedSession[] = [];
  const rooms: string[] = [];
  let slot: { start: string; end: string } | null = null;
  let s: SeedSession | null = null;
  let prev = '';
  for (const line of lines.slice(day + 1)) {
    if (!line) continue;
    const time = TIME.exec(line);
    const talk = s?.talks.at(-1);
    if (time) {
      slot = { start: iso(time[1]!, time[2]!, time[3]!), end: iso(time[4]!, time[5]!, time[6]!) };
      s = null;
    } else if (!slot) {
      throw new Error(`seed: "${line}" before the first time slot`);
    } else if (!s || TRACKS.has(line)) {
      s = { ...slot, header: line, chairs: [], sponsors: [], talks: [] };
      if (TRACKS.has(line)) s.track = line;
      sessions.push(s);
    } else if (line.startsWith('Session Chair: ') || line.startsWith('Program Co-Chairs: ')) {
      const list = line.slice(line.indexOf(': ') + 2);
      for (const one of list.split(/, and |; /)) {
        const [name, ...aff] = one.split(', ');
        s.chairs.push(aff.length ? { name: name!, affiliation: aff.join(', ') } : { name: name! });
      }
    } else if (line.startsWith('Sponsored by ')) {
      s.sponsors.push(line.slice('Sponsored by '.length));
    } else if (!s.room && !s.talks.length && ROOM.test(line)) {
      s.room = line;
      if (!rooms.includes(line)) rooms.push(line);
    } else if (s.track && !s.title && !s.room && !s.chairs.length) {
      s.title = line;
    } else if (line.startsWith('Lead and moderator: ')) {
      const people = peopleLine(line.slice('Lead and moderator: '.length)) ?? [];
      s.talks.push({ title: prev, people, panel: true, media: false, bioNames: [], text: [] });
    } else if (line.startsWith('Panelists: ') && talk?.panel) {
      for (const one of line.slice('Panelists: '.length).split('; ')) {
        const parts = one.split(', ');
        const role = parts.slice(1, -1).join(', ');
        talk.people.push({ name: parts[0]!, affiliation: parts.at(-1)!, ...(role ? { role } : {}) });
      }
    } else if (line === 'Available Media' && talk) {
      talk.media = true;
    } else {
      const people = peopleLine(line);
      const bioOf = people?.length === 1 && talk?.people.some((p) => p.name === people[0]!.name);
      if (bioOf && talk) talk.bioNames.push(people[0]!.name);
      else if (people) {
        // The line before a list of people is the talk's title; it is not abstract text.
        if (talk?.text.at(-1) === prev) talk.text.pop();
        s.talks.push({ title: prev, people, panel: false, media: false, bioNames: [], text: [] });
      } else if (talk) talk.text.push(line);
    }
    prev = line;
  }
  return { sessions, rooms };
}

const seedText = fs.readFileSync(seedPath, 'utf8');
const seed = parseSeed(seedText);
const raw: unknown = JSON.parse(fs.readFileSync(dataPath, 'utf8'));
const shape = ProgramShape.safeParse(raw);
// An invalid file fails the whole suite here with zod's issue list, which says where.
const program: Program = shape.success ? shape.data : ProgramShape.parse(raw);

function peopleOf(p: Program): Person[] {
  return p.sessions.flatMap((s) => [
    ...s.chairs,
    ...s.speakers,
    ...s.talks.flatMap((t) => [...t.speakers, ...(t.moderator ? [t.moderator] : []), ...(t.panelists ?? [])]),
  ]);
}
const seedNames = new Set(
  seed.sessions.flatMap((s) => [...s.chairs, ...s.talks.flatMap((t) => t.people)].map((p) => p.name)),
);
const seedTalks = seed.sessions.flatMap((s) => s.talks);

describe('data/opml19.json against the OpML 19 seed', () => {
  it('is a valid Hallway program', () => {
    expect(shape.error?.issues ?? []).toEqual([]);
    const parsed = parseProgram(raw);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('the seed parser found the whole day (guards the parser itself)', () => {
    expect(seed.sessions).toHaveLength(19);
    expect(seedTalks).toHaveLength(39);
    expect(seed.rooms).toHaveLength(5);
    expect(seedNames.size).toBe(141);
  });

  it('uses the ids the other helpers build on (brief: OpML 19 ids)', () => {
    expect(program.conference.id).toBe('opml19');
    expect(program.rooms.map((r) => r.id)).toEqual([
      'santa-clara-ballroom',
      'winchester',
      'stevens-creek',
      'lawrence-san-tomas-lafayette',
      'magnolia',
    ]);
    expect(program.sessions.map((s) => s.id)).toEqual(
      (
        'breakfast opening keynote break-am t1-production t2-deep-learning tut-am lunch t1-pm1 t2-pm1 tut-pm1 ' +
        't1-pm2 t2-pm2 tut-pm2 break-pm t1-pm3 t2-pm3 tut-pm3 posters'
      ).split(' '),
    );
    for (const s of program.sessions)
      expect(s.talks.map((t) => t.id)).toEqual(s.talks.map((_, n) => `${s.id}-${n + 1}`));
  });

  it('has the seed’s rooms in program order', () => {
    expect(program.rooms.map((r) => r.name)).toEqual(seed.rooms);
  });

  it('has the seed’s sessions, in order, with times, rooms, titles, tracks, chairs and sponsors', () => {
    const roomName = new Map(program.rooms.map((r) => [r.id, r.name]));
    expect(program.sessions).toHaveLength(seed.sessions.length);
    program.sessions.forEach((js, i) => {
      const ss = seed.sessions[i]!;
      const where = `sessions[${i}] ${js.id}`;
      expect({ where, start: js.start, end: js.end }).toEqual({ where, start: ss.start, end: ss.end });
      expect({ where, room: js.room === null ? null : roomName.get(js.room) }).toEqual({
        where,
        room: ss.room ?? null,
      });
      expect({ where, title: js.title, track: js.track }).toEqual({
        where,
        title: ss.title ?? ss.header,
        track: ss.track,
      });
      expect({ where, chairs: js.chairs.map(({ name, affiliation }) => ({ name, affiliation })) }).toEqual({
        where,
        chairs: ss.chairs.map(({ name, affiliation }) => ({ name, affiliation })),
      });
      expect({ where, sponsors: js.sponsors }).toEqual({ where, sponsors: ss.sponsors });
      expect({ where, talks: js.talks.map((t) => t.title) }).toEqual({
        where,
        talks: ss.talks.map((t) => t.title),
      });
    });
  });

  it('has every talk with its people in seed order, media flag and bios where the seed has them', () => {
    const talks = program.sessions.flatMap((s) => s.talks);
    expect(talks).toHaveLength(seedTalks.length);
    talks.forEach((jt, i) => {
      const st = seedTalks[i]!;
      const who = (ps: SeedPerson[]) =>
        ps.map(({ name, affiliation, role }) => ({ name, affiliation, role }));
      const people = jt.speakers.map(({ name, affiliation, role }, k) => ({
        name,
        affiliation,
        // The seed heads the moderator's line "Lead and moderator:"; that is checked below.
        role: k === 0 && st.panel ? undefined : role,
      }));
      expect({ id: jt.id, people }).toEqual({ id: jt.id, people: who(st.people) });
      expect({ id: jt.id, media: jt.media }).toEqual({ id: jt.id, media: st.media });
      const withBio = jt.speakers.filter((p) => p.bio).map((p) => p.name);
      // The seed sometimes puts two people's bios under one heading; every heading's person has one.
      expect(withBio).toEqual(expect.arrayContaining(st.bioNames));
      if (st.panel) {
        expect(jt.moderator).toEqual({ ...st.people[0], role: 'Lead and moderator' });
        expect(jt.panelists).toEqual(st.people.slice(1));
      }
    });
  });

  it('leaves out no abstract, prerequisite or bio text, and adds none', () => {
    program.sessions
      .flatMap((s) => s.talks)
      .forEach((jt, i) => {
        const st = seedTalks[i]!;
        const bios = jt.speakers.flatMap((p) => (p.bio ? [p.bio] : []));
        const hay = [jt.abstract ?? '', jt.prerequisites ?? '', bios.join(' ')].join('\n');
        for (const line of st.text) expect(hay, jt.id).toContain(line.replace(/^Prerequisites: /, ''));
        const own = [jt.abstract, jt.prerequisites, ...bios].flatMap((t) => (t ? t.split('\n') : []));
        for (const para of own.filter(Boolean)) {
          expect(
            st.text.some((l) => l.includes(para)),
            `${jt.id}: "${para.slice(0, 60)}" not in the seed`,
          ).toBe(true);
        }
      });
  });

  it('names every person the seed names, and nobody else', () => {
    const jsonNames = new Set(peopleOf(program).map((p) => p.name));
    expect([...seedNames].filter((n) => !jsonNames.has(n))).toEqual([]);
    expect([...jsonNames].filter((n) => !seedNames.has(n))).toEqual([]);
    expect([...jsonNames].filter((n) => !seedText.includes(n))).toEqual([]);
  });

  it('keeps talks without times of their own: the seed gives none', () => {
    const timed = program.sessions.flatMap((s) => s.talks).filter((t) => t.start || t.end);
    expect(timed.map((t) => t.id)).toEqual([]);
  });
});

describe('data/opml19.json times', () => {
  it.each(program.sessions.map((s) => [s.id, s] as const))(
    '%s starts before it ends, on 2019-05-20 -07:00',
    (_, s) => {
      expect(s.start).toMatch(/^2019-05-20T\d\d:\d\d:00-07:00$/);
      expect(s.end).toMatch(/^2019-05-20T\d\d:\d\d:00-07:00$/);
      expect(Date.parse(s.start)).toBeLessThan(Date.parse(s.end));
    },
  );

  it('lists sessions in start order', () => {
    const starts = program.sessions.map((s) => Date.parse(s.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it.each([
    ['breakfast', 'meal', 'everyone'],
    ['opening', 'plenary', 'everyone'],
    ['keynote', 'keynote', 'everyone'],
    ['break-am', 'break', 'everyone'],
    ['t1-production', 'talks', 'room'],
    ['tut-am', 'tutorial', 'room'],
    ['lunch', 'meal', 'everyone'],
    ['t1-pm1', 'panel', 'room'],
    ['t1-pm2', 'panel', 'room'],
    ['break-pm', 'break', 'everyone'],
    ['posters', 'social', 'everyone'],
  ])('%s is a %s for %s', (id, kind, audience) => {
    const s = program.sessions.find((x) => x.id === id);
    expect({ kind: s?.kind, audience: s?.audience }).toEqual({ kind, audience });
  });
});
