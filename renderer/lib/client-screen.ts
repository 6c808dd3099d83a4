import type { Assignment, PageKind, ReloadReason, ScreenDirective } from '../../core/protocol/index.js';
import { PAGES } from '../../core/protocol/wire.js';

/**
 * What a screen says of itself in its heartbeats (issue 15), and what it makes of the host's
 * directives. Pure where it can be: storage and location are passed in.
 */

declare const __HALLWAY_VERSION__: string | undefined;

/** "Electron 38", "Firefox 153", "Chromium 156", "WebKit 605": from the user agent. */
export function engineOf(ua: string): string | undefined {
  const m =
    /Electron\/(\d+)/.exec(ua) ??
    /Firefox\/(\d+)/.exec(ua) ??
    /Chrom(?:e|ium)\/(\d+)/.exec(ua) ??
    /AppleWebKit\/(\d+)/.exec(ua);
  if (!m) return undefined;
  const name = /Electron\//.test(ua)
    ? 'Electron'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(?:e|ium)\//.test(ua)
        ? 'Chromium'
        : 'WebKit';
  return `${name} ${m[1]}`;
}

export const hallwayVersion = (): string | undefined =>
  typeof __HALLWAY_VERSION__ === 'string' ? __HALLWAY_VERSION__ : undefined;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const REASON_KEY = 'hallway:reload-reason';
const seenKey = (screen: string) => `hallway:reload-seen:${screen}`;
const secretKey = (screen: string) => `hallway:screen-secret:${screen}`;

/** The secret this screen's name is bound to: made once, kept. None where nothing can be kept. */
export function screenSecret(screen: string, store: Store | null, random: () => string): string | undefined {
  if (!store) return undefined;
  try {
    const kept = store.getItem(secretKey(screen));
    if (kept) return kept;
    const made = random();
    store.setItem(secretKey(screen), made);
    return store.getItem(secretKey(screen)) === made ? made : undefined;
  } catch {
    return undefined;
  }
}

/** Says why the next load happens (kept in the tab's session storage). */
export function markReload(session: Store | null, why: ReloadReason): void {
  try {
    session?.setItem(REASON_KEY, why);
  } catch {
    // nothing kept: the next load reports 'other'
  }
}

/**
 * Why this page was loaded: what the last one marked (staff, watchdog), the shell's `?reload=crash`,
 * a reload of unknown cause, or the first start.
 */
export function bootReason(
  session: Store | null,
  search: string,
  navigation: string | undefined,
): ReloadReason {
  let marked: string | null;
  try {
    marked = session?.getItem(REASON_KEY) ?? null;
    session?.removeItem(REASON_KEY);
  } catch {
    marked = null;
  }
  if (marked === 'staff' || marked === 'watchdog') return marked;
  if (new URLSearchParams(search).get('reload') === 'crash') return 'crash';
  return navigation === 'reload' ? 'other' : 'start';
}

/**
 * Whether a directive asks this page to reload: its count above the one seen. The first count a
 * tab sees is taken as seen (the reload it stands for happened before this page).
 */
export function wantsReload(session: Store | null, screen: string, reload: number): boolean {
  try {
    const seen = session?.getItem(seenKey(screen));
    session?.setItem(seenKey(screen), String(reload));
    return seen !== null && seen !== undefined && reload > Number(seen);
  } catch {
    return false;
  }
}

/**
 * The directive in an SSE `screen` event, or null when it is not one (or not this screen's). The
 * host validated what it assigned; screens carry no zod, so only the shape acted on is checked.
 */
export function readDirective(data: unknown, screen: string): ScreenDirective | null {
  try {
    const d = JSON.parse(String(data)) as Partial<Record<keyof ScreenDirective, unknown>> | null;
    if (!d || d.screen !== screen || typeof d.identifyMs !== 'number' || typeof d.reload !== 'number')
      return null;
    const a = d.assignment as Partial<Assignment> | null | undefined;
    const assignment: Assignment | null =
      a && (a.page === 'lobby' || (a.page === 'room' && typeof a.room === 'string'))
        ? {
            page: a.page,
            ...(a.page === 'room' ? { room: a.room } : {}),
            ...(typeof a.lang === 'string' ? { lang: a.lang } : {}),
            ...(typeof a.location === 'string' ? { location: a.location } : {}),
          }
        : null;
    return { screen, assignment, identifyMs: Math.max(0, d.identifyMs), reload: d.reload };
  } catch {
    return null;
  }
}

/**
 * Where a page must go to show its assignment, or null when it shows it in place: a room page
 * follows a new room itself; another page kind is another document (the screen name travels).
 */
export function pageFor(
  assignment: Assignment | null,
  here: { page: PageKind; screen: string; search: string },
): string | null {
  if (!assignment || here.page === 'admin') return null;
  if (assignment.page === here.page) return null;
  const q = new URLSearchParams(here.search);
  q.set('screen', here.screen);
  q.delete('reload');
  const path = assignment.page === 'lobby' ? PAGES.lobby : PAGES.room(assignment.room ?? '');
  return `${path}?${q}`;
}

/** `href` without `?name=` (null when it has none). */
export function withoutParam(href: string, name: string): string | null {
  const url = new URL(href);
  if (!url.searchParams.has(name)) return null;
  url.searchParams.delete(name);
  return url.href;
}

/** The language a screen shows: the assignment's, else `?lang=`, else none said (the page's default). */
export function assignedLanguage(assignment: Assignment | null, search: string): string | undefined {
  return assignment?.lang ?? new URLSearchParams(search).get('lang') ?? undefined;
}
