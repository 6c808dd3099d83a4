import type { ScreenInfo } from '../../../../core/protocol/index.js';

/** A registry entry as GET /api/screens lists it, with `s` over the defaults. */
export const screenInfo = (s: Partial<ScreenInfo> = {}): ScreenInfo => ({
  screen: 'x',
  page: 'room',
  revision: 0,
  lastSeen: 0,
  firstSeen: 0,
  stale: false,
  reloads: 0,
  assignment: null,
  group: null,
  alarm: null,
  bound: false,
  ...s,
});
