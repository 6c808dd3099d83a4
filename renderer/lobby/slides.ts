import type { SlideDef } from '../lib/rotator.svelte.js';

export interface LobbyCtx {
  gridPages: number;
  nowPages: number;
}

const MAX_PAGES = 40;

/** The lobby loop: every page of the grid, then every page of now & next. */
export const LOBBY_SLIDES: readonly SlideDef<LobbyCtx>[] = [
  ...Array.from({ length: MAX_PAGES }, (_, i) => ({
    kind: `grid:${i}`,
    duration: 20_000,
    when: (c: LobbyCtx) => i < c.gridPages,
  })),
  ...Array.from({ length: MAX_PAGES }, (_, i) => ({
    kind: `now:${i}`,
    duration: 12_000,
    when: (c: LobbyCtx) => i < c.nowPages,
  })),
];

export function parseSlide(kind: string | null): { view: 'grid' | 'now'; page: number } {
  const m = /^(grid|now):(\d+)$/.exec(kind ?? '');
  return m ? { view: m[1] as 'grid' | 'now', page: Number(m[2]) } : { view: 'grid', page: 0 };
}
