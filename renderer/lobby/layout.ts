import { en, type Messages } from '../lib/i18n/en.js';

/**
 * How the lobby board pages: how many room columns and now & next rows fit the screen, which
 * part of the day the grid shows. Pure, so the paging is tested without a browser.
 */

export interface PageRange {
  start: number;
  /** Exclusive. */
  end: number;
}

export function pageRanges(total: number, perPage: number): PageRange[] {
  const per = Math.max(1, Math.floor(perPage));
  if (total <= 0) return [{ start: 0, end: 0 }];
  const out: PageRange[] = [];
  for (let start = 0; start < total; start += per) out.push({ start, end: Math.min(total, start + per) });
  return out;
}

/** "Rooms 1–8 of 75" (the catalogue's words); null when everything is on one page. */
export function pageLabel(r: PageRange, total: number, m: Messages = en): string | null {
  if (r.start === 0 && r.end >= total) return null;
  return m.lobby.pageOf(r.start + 1, r.end, total);
}

/** Room columns that stay readable: each at least 17 % of the short side wide. */
export function gridColumns(width: number, height: number): number {
  const vmin = Math.min(width, height);
  const gutter = vmin * 0.12;
  return Math.max(1, Math.floor((width - gutter) / (vmin * 0.17)));
}

/** Rows of the now & next table: each at least 11 % of the short side high. */
export function nowNextRowCount(width: number, height: number): number {
  const vmin = Math.min(width, height);
  const body = height * 0.72;
  return Math.max(1, Math.floor(body / (vmin * 0.11)));
}

/** Hours the grid shows at once: more on a portrait screen. */
export function gridHours(width: number, height: number): number {
  return height > width ? 7 : 4;
}

const HALF_HOUR = 30 * 60_000;

/**
 * The part of the day the grid shows: `span` ms starting half an hour before now (on a half
 * hour), kept inside the day; the whole day when it fits.
 */
export function gridWindow(
  day: { from: number; until: number },
  at: number,
  span: number,
): { from: number; until: number } {
  if (day.until - day.from <= span) return day;
  const start = Math.floor((at - day.from) / HALF_HOUR) * HALF_HOUR + day.from - HALF_HOUR;
  const from = Math.min(Math.max(day.from, start), day.until - span);
  return { from, until: from + span };
}
