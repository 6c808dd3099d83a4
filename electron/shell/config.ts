import { z } from 'zod';
import { pathText } from '../../core/program/parse.js';
import { Id } from '../../core/program/schema.js';
import { PageKind } from '../../core/protocol/index.js';

/**
 * The displays config: which window goes on which display. It lives in the user-data dir as
 * displays.json, or comes from `--config FILE`; data/displays.opml19.json is the OpML '19 sample.
 *
 * `display` is either an index into the displays ordered left to right, then top to bottom
 * (0 = leftmost), which survives a reboot, or `{ "id": N }`, Electron's display id, which is exact
 * but changes when the hardware does. A display that is not there sends its windows to the primary.
 */
export const DisplaySelector = z.union([
  z.number().int('must be a whole number').min(0, 'must be 0 or more'),
  z.strictObject({ id: z.number().int('must be a whole number') }),
]);
export type DisplaySelector = z.infer<typeof DisplaySelector>;

export const WindowEntry = z.strictObject({
  page: PageKind,
  room: Id.optional(),
  display: DisplaySelector.optional(),
  /** Overrides --kiosk for this window (the admin usually stays windowed). */
  kiosk: z.boolean().optional(),
  /** Screen name reported in heartbeats; default: the room id, or the page. */
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
});
export type WindowEntry = z.infer<typeof WindowEntry>;

export const DisplaysConfig = z.strictObject({
  $comment: z.string().optional(),
  windows: z.array(WindowEntry).min(1, 'must list at least one window'),
});
export type DisplaysConfig = z.infer<typeof DisplaysConfig>;

export type ConfigResult = { ok: true; config: DisplaysConfig } | { ok: false; errors: string[] };

/**
 * Validates a displays config against the program's rooms. Every error names its entry
 * (`windows[2].room: unknown room "x" (rooms: a, b)`), so staff can fix the file in one pass.
 */
export function parseDisplaysConfig(json: unknown, roomIds: readonly string[]): ConfigResult {
  const parsed = DisplaysConfig.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`),
    };
  }
  const errors: string[] = [];
  const known = new Set(roomIds);
  let admin: number | undefined;
  parsed.data.windows.forEach((w, n) => {
    const at = `windows[${n}]`;
    if (w.page === 'room') {
      if (w.room === undefined)
        errors.push(`${at}.room: a room window needs a room (rooms: ${list(roomIds)})`);
      else if (!known.has(w.room))
        errors.push(`${at}.room: unknown room "${w.room}" (rooms: ${list(roomIds)})`);
    } else if (w.room !== undefined) {
      errors.push(`${at}.room: only room windows take a room; remove it or set "page": "room"`);
    }
    if (w.page === 'admin') {
      if (admin !== undefined) errors.push(`${at}.page: only one admin window (windows[${admin}] is one)`);
      else admin = n;
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, config: parsed.data };
}

/** No config: the admin, the lobby and one window per room, for trying Hallway out on one display. */
export function defaultConfig(roomIds: readonly string[]): DisplaysConfig {
  return {
    windows: [
      { page: 'admin', kiosk: false },
      { page: 'lobby' },
      ...roomIds.map((room) => ({ page: 'room' as const, room })),
    ],
  };
}

function list(ids: readonly string[]): string {
  return ids.length ? ids.join(', ') : 'none';
}
