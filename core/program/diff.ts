import type { Person, Program, Room, Session } from './schema.js';
import { ms } from '../time/venue.js';

/**
 * What changed between two versions of a program, by stable identity: sessions and rooms are
 * matched by id (the importers derive ids from the source's guid/UID/id), never by position or
 * name, so a renamed room is renamed and a moved session is moved, not removed and added.
 * Pure; compares printed programs (overrides are not part of a version).
 */

export type SessionChangeKind = 'retimed' | 'moved' | 'retitled' | 'speakers';

/** Where and when a session is, as a version prints it. */
export interface SessionAt {
  id: string;
  title: string;
  start: string;
  end: string;
  room: string | null;
}

export interface SessionChange {
  id: string;
  changes: SessionChangeKind[];
  before: SessionAt & { speakers: string[] };
  after: SessionAt & { speakers: string[] };
}

export interface ProgramDiff {
  sessions: { added: SessionAt[]; removed: SessionAt[]; changed: SessionChange[] };
  rooms: { added: Room[]; removed: Room[]; renamed: { id: string; from: string; to: string }[] };
}

type Versioned = Pick<Program, 'rooms' | 'sessions'>;

const at = (s: Session): SessionAt => ({
  id: s.id,
  title: s.title,
  start: s.start,
  end: s.end,
  room: s.room,
});

const names = (people: readonly Person[]) => people.map((p) => p.name);

/** Every speaker of the session, its own and its talks', in program order. */
function speakersOf(s: Session): string[] {
  return [...names(s.speakers), ...s.talks.flatMap((t) => names(t.speakers))];
}

/** The session's title and its talks' titles: a block whose talk was retitled is retitled. */
function titlesOf(s: Session): string {
  return JSON.stringify([s.title, s.subtitle ?? '', ...s.talks.map((t) => [t.id, t.title])]);
}

function sessionChanges(a: Session, b: Session): SessionChangeKind[] {
  const out: SessionChangeKind[] = [];
  // Instants, not strings: the same time written with another offset has not moved.
  if (ms(a.start) !== ms(b.start) || ms(a.end) !== ms(b.end)) out.push('retimed');
  if (a.room !== b.room) out.push('moved');
  if (titlesOf(a) !== titlesOf(b)) out.push('retitled');
  if (JSON.stringify(speakersOf(a)) !== JSON.stringify(speakersOf(b))) out.push('speakers');
  return out;
}

export function diffPrograms(before: Versioned, after: Versioned): ProgramDiff {
  const was = new Map(before.sessions.map((s) => [s.id, s]));
  const now = new Map(after.sessions.map((s) => [s.id, s]));
  const changed: SessionChange[] = [];
  for (const b of after.sessions) {
    const a = was.get(b.id);
    if (!a) continue;
    const changes = sessionChanges(a, b);
    if (changes.length)
      changed.push({
        id: b.id,
        changes,
        before: { ...at(a), speakers: speakersOf(a) },
        after: { ...at(b), speakers: speakersOf(b) },
      });
  }
  const roomsWere = new Map(before.rooms.map((r) => [r.id, r]));
  const roomsNow = new Map(after.rooms.map((r) => [r.id, r]));
  return {
    sessions: {
      added: after.sessions.filter((s) => !was.has(s.id)).map(at),
      removed: before.sessions.filter((s) => !now.has(s.id)).map(at),
      changed,
    },
    rooms: {
      added: after.rooms.filter((r) => !roomsWere.has(r.id)),
      removed: before.rooms.filter((r) => !roomsNow.has(r.id)),
      renamed: after.rooms.flatMap((r) => {
        const old = roomsWere.get(r.id);
        return old && old.name !== r.name ? [{ id: r.id, from: old.name, to: r.name }] : [];
      }),
    },
  };
}

export function isEmptyDiff(d: ProgramDiff): boolean {
  return (
    d.sessions.added.length + d.sessions.removed.length + d.sessions.changed.length === 0 &&
    d.rooms.added.length + d.rooms.removed.length + d.rooms.renamed.length === 0
  );
}

/** The counts in the order staff read them: what moves people first. */
function counts(d: ProgramDiff): { sessions: [number, string][]; rooms: [number, string][] } {
  const changed = (k: SessionChangeKind) => d.sessions.changed.filter((c) => c.changes.includes(k)).length;
  return {
    sessions: [
      [changed('moved'), 'moved'],
      [changed('retimed'), 'retimed'],
      [d.sessions.added.length, 'new'],
      [d.sessions.removed.length, 'removed'],
      [changed('retitled'), 'retitled'],
      [changed('speakers'), 'with new speakers'],
    ],
    rooms: [
      [d.rooms.added.length, 'new'],
      [d.rooms.removed.length, 'removed'],
      [d.rooms.renamed.length, 'renamed'],
    ],
  };
}

/** "3 sessions moved, 1 new, 2 retitled; 1 room renamed", or "no changes". */
export function diffSummary(d: ProgramDiff): string {
  const { sessions, rooms } = counts(d);
  const part = (list: [number, string][], noun: string) =>
    list
      .filter(([n]) => n > 0)
      .map(([n, label], i) => {
        if (i > 0) return `${n} ${label}`;
        const nouns = `${noun}${n === 1 ? '' : 's'}`;
        return label === 'new' ? `${n} new ${nouns}` : `${n} ${nouns} ${label}`;
      })
      .join(', ');
  const text = [part(sessions, 'session'), part(rooms, 'room')].filter(Boolean).join('; ');
  return text || 'no changes';
}
