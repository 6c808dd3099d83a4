import type { LoopEntry } from './loop.js';

// Zod-free: the screens' default settings are built from these (core/settings/defaults.ts).

/** Today's loops: what the screens showed before the loop was configurable. */
export const DEFAULT_ROOM_LOOP: LoopEntry[] = [
  { slide: 'now', seconds: 20 },
  { slide: 'next', seconds: 10 },
  { slide: 'later', seconds: 10 },
  { slide: 'elsewhere', seconds: 12 },
  { slide: 'announcements', seconds: 12 },
  { slide: 'sponsors', seconds: 8 },
];
export const DEFAULT_LOBBY_LOOP: LoopEntry[] = [
  { slide: 'grid', seconds: 20 },
  { slide: 'now', seconds: 12 },
];
