import type { Announcement, Program } from '../../core/program/schema.js';
import { ms } from '../../core/time/venue.js';

/**
 * The announcements in force at `at` for one room (those for every room and its own), or with
 * `roomId` null for the lobby (only those for every room). Both screens show them; a module of
 * its own so that the lobby's bundle does not carry the room's view with it.
 */
export function activeAnnouncements(p: Program, roomId: string | null, at: number): Announcement[] {
  return p.announcements.filter(
    (a) =>
      (roomId === null ? !a.rooms : !a.rooms || a.rooms.includes(roomId)) &&
      (!a.from || ms(a.from) <= at) &&
      (!a.until || at < ms(a.until)),
  );
}
