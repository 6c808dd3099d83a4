import { kind, type RoomCtx, type SlideKind } from './kind.js';
import Announcements, { slide as announcements } from './room/Announcements.svelte';
import Elsewhere, { slide as elsewhere } from './room/Elsewhere.svelte';
import Later, { slide as later } from './room/Later.svelte';
import Next, { slide as next } from './room/Next.svelte';
import Now, { slide as now } from './room/Now.svelte';
import Sponsors, { slide as sponsors } from './room/Sponsors.svelte';

/**
 * The room screen's kinds, registered once (registry.ts lists every screen's). A file of its own
 * so that the room window's bundle holds none of the lobby's slides, nor the lobby's the room's.
 */
export const ROOM_KINDS: readonly SlideKind<RoomCtx>[] = [
  kind(now, Now),
  kind(next, Next),
  kind(later, Later),
  kind(elsewhere, Elsewhere),
  kind(announcements, Announcements),
  kind(sponsors, Sponsors),
];
