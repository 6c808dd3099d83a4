import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../../core/protocol/index.js';
import { defaultConfig, type DisplaysConfig } from '../../../../electron/shell/config.js';
import {
  changedWindows,
  planWindows,
  roomsWithoutWindow,
  tile,
  type DisplayInfo,
} from '../../../../electron/shell/plan.js';

const ROOMS = [
  'santa-clara-ballroom',
  'winchester',
  'stevens-creek',
  'lawrence-san-tomas-lafayette',
  'magnolia',
];

const FHD = { width: 1920, height: 1080 };
const d = (id: number, x: number, primary = false, y = 0): DisplayInfo => ({
  id,
  primary,
  bounds: { x, y, ...FHD },
  workArea: { x, y, width: FHD.width, height: FHD.height - 40 },
});

const ONE = [d(1, 0, true)];
const TWO = [d(1, 0, true), d(2, 1920)];
// Deliberately listed out of order: config indexes count left to right.
const FOUR = [d(40, 5760), d(10, 0, true), d(30, 3840), d(20, 1920)];

const SAMPLE: DisplaysConfig = {
  windows: [
    { page: 'admin', display: 0, kiosk: false },
    { page: 'lobby', display: 1 },
    { page: 'room', room: 'winchester', display: 2 },
    { page: 'room', room: 'stevens-creek', display: 3 },
  ],
};

describe('planWindows', () => {
  it('one display, no config: admin, lobby and every room, windowed and tiled on it', () => {
    const plan = planWindows(defaultConfig(ROOMS), ONE, { kiosk: false });
    expect(plan.map((s) => s.screen)).toEqual(['admin', 'lobby', ...ROOMS]);
    expect(plan.every((s) => s.displayId === 1 && !s.kiosk && !s.fallback)).toBe(true);
    // 7 windows → 3 columns × 3 rows of the work area, no two on the same spot.
    expect(plan[0]!.bounds).toEqual({ x: 0, y: 0, width: 640, height: 346 });
    expect(plan[4]!.bounds).toEqual({ x: 640, y: 346, width: 640, height: 346 });
    expect(new Set(plan.map((s) => `${s.bounds.x},${s.bounds.y}`)).size).toBe(7);
  });

  it('one display with --kiosk: windows sharing it are still tiled, not stacked fullscreen', () => {
    const plan = planWindows(defaultConfig(ROOMS), ONE, { kiosk: true });
    expect(plan.some((s) => s.kiosk)).toBe(false);
  });

  it('every window gets its own persistent partition (6-connection limit per profile)', () => {
    const plan = planWindows(defaultConfig(ROOMS), ONE);
    expect(plan.map((s) => s.partition)).toEqual(plan.map((_, n) => `persist:screen-${n}`));
  });

  it('two displays: --kiosk puts a lone window fullscreen on its display; admin stays windowed', () => {
    const config: DisplaysConfig = {
      windows: [
        { page: 'admin', display: 0, kiosk: false },
        { page: 'lobby', display: 1 },
      ],
    };
    const plan = planWindows(config, TWO, { kiosk: true });
    expect(plan[0]).toMatchObject({ page: 'admin', displayId: 1, kiosk: false });
    expect(plan[1]).toMatchObject({
      page: 'lobby',
      displayId: 2,
      kiosk: true,
      bounds: { x: 1920, y: 0, width: 1920, height: 1080 },
    });
  });

  it('four displays: indexes count left to right whatever order Electron lists them in', () => {
    const plan = planWindows(SAMPLE, FOUR, { kiosk: true });
    expect(plan.map((s) => [s.screen, s.displayId, s.kiosk])).toEqual([
      ['admin', 10, false],
      ['lobby', 20, true],
      ['winchester', 30, true],
      ['stevens-creek', 40, true],
    ]);
  });

  it('a display chosen by id', () => {
    const plan = planWindows({ windows: [{ page: 'lobby', display: { id: 30 } }] }, FOUR, { kiosk: true });
    expect(plan[0]).toMatchObject({ displayId: 30, kiosk: true, fallback: false });
  });

  it('a display removed while running sends its window to the primary, and back when it returns', () => {
    const before = planWindows(SAMPLE, FOUR, { kiosk: true });
    const without = FOUR.filter((x) => x.id !== 40);
    const during = planWindows(SAMPLE, without, { kiosk: true }, before);
    expect(during[3]).toMatchObject({ screen: 'stevens-creek', displayId: 10, fallback: true, kiosk: false });
    // The admin now shares the primary with it: both tiled.
    expect(during[0]!.bounds.width).toBeLessThan(1920);
    expect(changedWindows(before, during).map((s) => s.key)).toEqual(['screen-0', 'screen-3']);

    const after = planWindows(SAMPLE, FOUR, { kiosk: true }, during);
    expect(after).toEqual(before);
    expect(changedWindows(during, after).map((s) => s.key)).toEqual(['screen-0', 'screen-3']);
  });

  it('unplugging a display in the middle moves only its window; the others keep their displays', () => {
    const before = planWindows(SAMPLE, FOUR, { kiosk: true });
    // Display 30 (index 2, winchester) goes: by index alone stevens-creek would slide onto it.
    const during = planWindows(
      SAMPLE,
      FOUR.filter((x) => x.id !== 30),
      { kiosk: true },
      before,
    );
    expect(during.map((s) => [s.screen, s.displayId, s.fallback])).toEqual([
      ['admin', 10, false],
      ['lobby', 20, false],
      ['winchester', 10, true],
      ['stevens-creek', 40, false],
    ]);
    const after = planWindows(SAMPLE, FOUR, { kiosk: true }, during);
    expect(after).toEqual(before);
  });

  it('a display added while running takes the windows configured for it', () => {
    const during = planWindows(SAMPLE, TWO, { kiosk: true });
    expect(during.filter((s) => s.fallback).map((s) => s.screen)).toEqual(['winchester', 'stevens-creek']);
    const after = planWindows(SAMPLE, [...TWO, d(3, 3840)], { kiosk: true }, during);
    expect(after[2]).toMatchObject({ screen: 'winchester', displayId: 3, fallback: false, kiosk: true });
    expect(after[3]).toMatchObject({ screen: 'stevens-creek', displayId: 1, fallback: true });
    expect(changedWindows(during, after).map((s) => s.key)).toEqual(['screen-0', 'screen-2', 'screen-3']);
  });

  it('a display whose resolution changed re-plans its window to the new bounds', () => {
    const before = planWindows(SAMPLE, FOUR, { kiosk: true });
    const bigger = FOUR.map((x) =>
      x.id === 20 ? { ...x, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } } : x,
    );
    const after = planWindows(SAMPLE, bigger, { kiosk: true }, before);
    expect(changedWindows(before, after).map((s) => [s.key, s.bounds.width])).toEqual([['screen-1', 3840]]);
  });

  it('a room window with no display given goes to the primary display', () => {
    const plan = planWindows({ windows: [{ page: 'room', room: 'magnolia' }] }, FOUR, { kiosk: true });
    expect(plan[0]).toMatchObject({ room: 'magnolia', displayId: 10, fallback: false, kiosk: true });
  });

  it('the primary is the display marked primary, not the first listed', () => {
    const plan = planWindows({ windows: [{ page: 'lobby', display: 9 }] }, FOUR);
    expect(plan[0]).toMatchObject({ displayId: 10, fallback: true });
  });

  it('two windows for the same room get distinct screen names', () => {
    const plan = planWindows(
      {
        windows: [
          { page: 'room', room: 'winchester' },
          { page: 'room', room: 'winchester' },
          { page: 'lobby', name: 'Lobby east' },
        ],
      },
      ONE,
    );
    expect(plan.map((s) => s.screen)).toEqual(['winchester', 'winchester-2', 'Lobby east']);
  });

  it('refuses to plan onto no displays at all, saying why', () => {
    expect(() => planWindows(SAMPLE, [])).toThrow(/no displays/);
  });
});

describe('roomsWithoutWindow', () => {
  it('names the rooms no window shows', () => {
    expect(roomsWithoutWindow(SAMPLE, ROOMS)).toEqual([
      'santa-clara-ballroom',
      'lawrence-san-tomas-lafayette',
      'magnolia',
    ]);
  });
});

describe('tile', () => {
  it.each([
    [1, 1, 1],
    [2, 2, 1],
    [4, 2, 2],
    [5, 3, 2],
    [7, 3, 3],
  ])('%i windows → %i columns × %i rows', (n, cols, rows) => {
    const tiles = tile({ x: 0, y: 0, width: 1200, height: 600 }, n);
    expect(tiles).toHaveLength(n);
    expect(tiles[0]).toEqual({ x: 0, y: 0, width: 1200 / cols, height: 600 / rows });
    expect(new Set(tiles.map((t) => t.x)).size).toBe(cols);
    expect(new Set(tiles.map((t) => t.y)).size).toBe(rows);
  });
});

describe('planWindows with the registry', () => {
  it.each([
    ['no assignment: the config is the first one', {}, { page: 'room', room: 'winchester' }],
    [
      'a room assigned',
      { winchester: { page: 'room', room: 'magnolia' } },
      { page: 'room', room: 'magnolia' },
    ],
    ['the lobby assigned', { winchester: { page: 'lobby' } }, { page: 'lobby' }],
  ] as const)('%s', (_, assigned, want) => {
    const lookup = (name: string) => (assigned as Record<string, Assignment>)[name] ?? null;
    const plan = planWindows(SAMPLE, FOUR, { kiosk: true, assignment: lookup });
    const w = plan.find((s) => s.screen === 'winchester')!;
    expect({ page: w.page, ...(w.room !== undefined ? { room: w.room } : {}) }).toEqual(want);
    expect(w.displayId).toBe(30);
  });

  it('never reassigns the admin window', () => {
    const plan = planWindows(SAMPLE, FOUR, { kiosk: false, assignment: () => ({ page: 'lobby' }) });
    expect(plan.find((s) => s.entry === 0)!.page).toBe('admin');
    expect(plan.filter((s) => s.page === 'lobby')).toHaveLength(3);
  });
});
