import type { Loop, LoopEntry } from './loop.js';

/** The loop parts screens need, free of zod (core/settings/loop.ts holds the schema). */

/** A loop names a custom slide as `custom:<its id>`. */
export const CUSTOM_PREFIX = 'custom:';

/** The loop a screen runs: a room's own, else every room's; the lobby's with `room` null. */
export function loopFor(loop: Loop, room: string | null): LoopEntry[] {
  if (room === null) return loop.lobby;
  return loop.rooms[room] ?? loop.room;
}
