import { kind, type LobbyCtx, type SlideKind } from './kind.js';
import GridPages, { slide as grid } from './lobby/GridPages.svelte';
import NowNextPages, { slide as nowNext } from './lobby/NowNextPages.svelte';

/** The lobby board's kinds, registered once; a file of its own as room-kinds.ts says. */
export const LOBBY_KINDS: readonly SlideKind<LobbyCtx>[] = [
  kind(grid, GridPages),
  kind(nowNext, NowNextPages),
];
