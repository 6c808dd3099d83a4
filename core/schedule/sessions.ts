import type { Program, Room, Session } from '../program/schema.js';
import type { SessionNow } from './types.js';
import { ms, venueDay } from '../time/venue.js';
import { talkOnNow, talkTimes } from './talk-times.js';

/** Shared by now/next and the lobby: liveness, moves and the conference day of sessions. */

/** Moved here from elsewhere keeps its place; moved away from `roomId` means it is no longer on here. */
export function movedAwayFrom(s: Session, roomId: string): boolean {
  return s.original?.room === roomId && s.room !== roomId;
}

/** Happening as the program says: not cancelled. */
export function isLive(s: Session): boolean {
  return !s.cancelled;
}

/** The conference day (venue date, rolling over at 04:00) a session belongs to: the day it starts. */
export function sessionDay(program: Program, s: Session): string {
  return venueDay(program, ms(s.start));
}

export function withTimes(s: Session, at: number, movedTo?: string): SessionNow {
  const times = talkTimes(s);
  const out: SessionNow = { ...s, talkTimes: times, onNow: talkOnNow(s, times, at) };
  if (movedTo !== undefined) out.movedTo = movedTo;
  return out;
}

export class UnknownRoomError extends Error {
  readonly room: string;
  readonly rooms: Room[];
  constructor(room: string, rooms: Room[]) {
    const list = rooms.map((r) => `${r.id} (${r.name})`).join(', ');
    super(`Unknown room "${room}". Rooms: ${list || '(the program has none)'}`);
    this.name = 'UnknownRoomError';
    this.room = room;
    this.rooms = rooms;
  }
}

/** A room by id, or else by name ignoring case (what a person types on the command line). */
export function findRoom(program: Program, idOrName: string): Room {
  const byId = program.rooms.find((r) => r.id === idOrName);
  if (byId) return byId;
  const wanted = idOrName.trim().toLowerCase();
  const byName = program.rooms.find((r) => r.name.toLowerCase() === wanted);
  if (byName) return byName;
  throw new UnknownRoomError(idOrName, program.rooms);
}
