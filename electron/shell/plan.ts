import type { Assignment, PageKind } from '../../core/protocol/index.js';
import type { DisplaySelector, DisplaysConfig } from './config.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's Display the planner needs (main.ts maps screen.getAllDisplays()). */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  /** Bounds minus task bars and docks; defaults to bounds. */
  workArea?: Rect;
  primary: boolean;
}

export interface WindowSpec {
  /** Stable across re-plans: the config entry it comes from (`screen-<n>`). */
  key: string;
  entry: number;
  /** Screen name for heartbeats, unique within the plan. */
  screen: string;
  page: PageKind;
  room?: string;
  displayId: number;
  /** The configured display is missing: the window sits on the primary display instead. */
  fallback: boolean;
  /** Fullscreen kiosk (bounds = the display's bounds) or a tile of the display's work area. */
  kiosk: boolean;
  bounds: Rect;
  /**
   * Each window gets its own browser profile: Chromium allows 6 HTTP/1.1 connections per host and
   * profile, and every screen holds one for its event stream, so a 7th window sharing a profile
   * would never load.
   */
  partition: string;
}

export interface PlanOptions {
  /** `--kiosk`: windows without their own `kiosk` setting go fullscreen. */
  kiosk: boolean;
  /**
   * What the registry assigns the window of this screen name (the config's name), if anything:
   * it wins over the config's page and room, which are the window's first assignment.
   */
  assignment?: (screen: string) => Assignment | null;
}

/** Displays in the order config indexes count them: left to right, then top to bottom. */
export function orderDisplays(displays: readonly DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id);
}

export function primaryDisplay(displays: readonly DisplayInfo[]): DisplayInfo {
  const primary = displays.find((d) => d.primary) ?? orderDisplays(displays)[0];
  if (!primary) throw new Error('planWindows: no displays (Electron reports none; is a screen attached?)');
  return primary;
}

export function findDisplay(
  displays: readonly DisplayInfo[],
  selector: DisplaySelector | undefined,
): DisplayInfo | undefined {
  if (selector === undefined) return primaryDisplay(displays);
  if (typeof selector === 'number') return orderDisplays(displays)[selector];
  return displays.find((d) => d.id === selector.id);
}

/**
 * Plans every window of a config onto the displays there are now. Pure: main.ts calls it at start
 * and again whenever a display is added, removed or changed, then moves windows to match.
 *
 * A window goes fullscreen (kiosk) only when it is alone on its display; windows sharing a display
 * are tiled instead, because stacked fullscreen windows would hide all but one.
 */
export function planWindows(
  config: DisplaysConfig,
  displays: readonly DisplayInfo[],
  opts: PlanOptions = { kiosk: false },
  previous: readonly WindowSpec[] = [],
): WindowSpec[] {
  const primary = primaryDisplay(displays);
  const names = screenNames(config);
  const before = new Map(previous.map((s) => [s.entry, s]));
  const placed = config.windows.map((w, entry) => {
    const found = placeEntry(w.display, displays, before.get(entry));
    return { w, entry, display: found ?? primary, fallback: found === undefined };
  });

  const byDisplay = new Map<number, typeof placed>();
  for (const p of placed) byDisplay.set(p.display.id, [...(byDisplay.get(p.display.id) ?? []), p]);

  const specs: WindowSpec[] = [];
  for (const [, group] of byDisplay) {
    const display = group[0]!.display;
    const area = display.workArea ?? display.bounds;
    const tiles = tile(area, group.length);
    group.forEach((p, i) => {
      const wantsKiosk = p.w.kiosk ?? opts.kiosk;
      const kiosk = wantsKiosk && group.length === 1;
      const screen = names[p.entry]!;
      // The admin window stays the admin: the registry assigns screens, not staff's own window.
      const assigned = p.w.page === 'admin' ? null : (opts.assignment?.(screen) ?? null);
      const shows = assigned ?? p.w;
      specs.push({
        key: `screen-${p.entry}`,
        entry: p.entry,
        screen,
        page: shows.page,
        ...(shows.room !== undefined ? { room: shows.room } : {}),
        displayId: display.id,
        fallback: p.fallback,
        kiosk,
        bounds: kiosk ? { ...display.bounds } : tiles[i]!,
        partition: `persist:screen-${p.entry}`,
      });
    });
  }
  return specs.sort((a, b) => a.entry - b.entry);
}

/**
 * The display of one entry. While running, a window placed by index stays on the display it
 * has (by id) as long as that display is there: unplugging the display at index 2 must not shift
 * the windows of indexes 3, 4... one display to the left. A window whose display is gone goes to
 * the primary; once it sits there as a fallback, its index is resolved afresh, so it returns when
 * the display does.
 */
function placeEntry(
  selector: DisplaySelector | undefined,
  displays: readonly DisplayInfo[],
  before: WindowSpec | undefined,
): DisplayInfo | undefined {
  if (typeof selector === 'number' && before && !before.fallback) {
    return displays.find((d) => d.id === before.displayId);
  }
  return findDisplay(displays, selector);
}

/** Splits an area into n near-square tiles, row by row. */
export function tile(area: Rect, n: number): Rect[] {
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const width = Math.floor(area.width / cols);
  const height = Math.floor(area.height / rows);
  return Array.from({ length: n }, (_, i) => ({
    x: area.x + (i % cols) * width,
    y: area.y + Math.floor(i / cols) * height,
    width,
    height,
  }));
}

/** Names given in the config, else the room id or the page; repeats get `-2`, `-3`... */
function screenNames(config: DisplaysConfig): string[] {
  const seen = new Map<string, number>();
  return config.windows.map((w) => {
    const base = w.name ?? w.room ?? w.page;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

/** The windows whose place changed between two plans (same keys: the config is fixed while running). */
export function changedWindows(before: readonly WindowSpec[], after: readonly WindowSpec[]): WindowSpec[] {
  const old = new Map(before.map((s) => [s.key, s]));
  return after.filter((s) => {
    const o = old.get(s.key);
    return (
      !o ||
      o.displayId !== s.displayId ||
      o.kiosk !== s.kiosk ||
      o.bounds.x !== s.bounds.x ||
      o.bounds.y !== s.bounds.y ||
      o.bounds.width !== s.bounds.width ||
      o.bounds.height !== s.bounds.height
    );
  });
}

/** Rooms of the program that no window shows: worth a line in the log, not an error. */
export function roomsWithoutWindow(config: DisplaysConfig, roomIds: readonly string[]): string[] {
  const shown = new Set(config.windows.map((w) => w.room));
  return roomIds.filter((r) => !shown.has(r));
}
