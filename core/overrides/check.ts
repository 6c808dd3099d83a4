import type { Program, Session } from '../program/schema.js';
import type { OverrideInput } from './schema.js';
import { formatClock, ms } from '../time/venue.js';
import { listIds } from '../program/list-ids.js';

type Refusal = { status: 404 | 409; error: string };

/**
 * Whether the host may accept `o` against the effective program: 404 when it names a session,
 * talk or room the program lacks; 409 when a move would put the session on top of another live
 * session in that room (unless `force`). null: accept. Shape errors (400) are the schema's job.
 */
export function checkOverride(program: Program, o: OverrideInput): Refusal | null {
  const session = (id: string) => program.sessions.find((s) => s.id === id);
  const unknownSession = (id: string): Refusal => ({
    status: 404,
    error: `Unknown session "${id}". Sessions: ${listIds(program.sessions.map((s) => s.id))}`,
  });
  const unknownRoom = (id: string): Refusal => ({
    status: 404,
    error: `Unknown room "${id}". Rooms: ${listIds(program.rooms.map((r) => r.id))}`,
  });
  const hasRoom = (id: string) => program.rooms.some((r) => r.id === id);

  switch (o.kind) {
    case 'cancel':
    case 'edit': {
      if (o.session !== undefined && !session(o.session)) return unknownSession(o.session);
      if (o.talk !== undefined && !program.sessions.some((s) => s.talks.some((t) => t.id === o.talk))) {
        const talks = program.sessions.flatMap((s) => s.talks.map((t) => t.id));
        return { status: 404, error: `Unknown talk "${o.talk}". Talks: ${listIds(talks)}` };
      }
      return null;
    }
    case 'delay':
      return session(o.session) ? null : unknownSession(o.session);
    case 'now-speaking': {
      const s = session(o.session);
      if (!s) return unknownSession(o.session);
      if (s.talks.some((t) => t.id === o.talk)) return null;
      return {
        status: 404,
        error: `Session "${s.id}" has no talk "${o.talk}". Its talks: ${listIds(s.talks.map((t) => t.id)) || '(none)'}`,
      };
    }
    case 'move': {
      const s = session(o.session);
      if (!s) return unknownSession(o.session);
      if (!hasRoom(o.room)) return unknownRoom(o.room);
      if (o.force) return null;
      const clash = clashIn(program, s, o.room);
      if (!clash) return null;
      const room = program.rooms.find((r) => r.id === o.room)?.name ?? o.room;
      return {
        status: 409,
        error: `${room} has ${sessionText(program, clash)} at that time; send force: true to move anyway`,
      };
    }
    case 'announce': {
      const bad = o.rooms?.find((r) => !hasRoom(r));
      return bad === undefined ? null : unknownRoom(bad);
    }
    case 'alert':
      return null;
  }
}

/** A live session already in `roomId` overlapping `s` (only the one with id `only`, when given). */
export function clashIn(program: Program, s: Session, roomId: string, only?: string): Session | undefined {
  const start = ms(s.start);
  const end = ms(s.end);
  return program.sessions.find(
    (x) =>
      x.id !== s.id &&
      (only === undefined || x.id === only) &&
      x.room === roomId &&
      !x.cancelled &&
      ms(x.start) < end &&
      start < ms(x.end),
  );
}

/** `"Tutorials Track" (tut-pm1, 1:30 PM–2:30 PM)`: a session as a refusal names it. */
export function sessionText(program: Program, s: Session): string {
  return `"${s.title}" (${s.id}, ${formatClock(program, ms(s.start))}–${formatClock(program, ms(s.end))})`;
}
