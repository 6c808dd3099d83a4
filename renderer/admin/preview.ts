import type { ScreenInfo } from '../../core/protocol/index.js';
import { PAGES } from '../../core/protocol/wire.js';

/** What a preview frame shows: the lobby or a room (its id), pinned to a slide, frozen, in a language. */
export interface FrameView {
  page: 'lobby' | (string & {});
  slide?: string;
  /** A frozen instant (ISO); none: live on the host clock. */
  at?: string | null;
  lang?: string;
  /** Where the screen stands (its "how to get there"): `?location=`. */
  location?: string;
}

/** The URL of a preview frame: the screen's own page with `?preview=1` (fed by the admin, no stream). */
export function previewSrc(v: FrameView): string {
  const q = new URLSearchParams({ preview: '1' });
  if (v.at) q.set('at', v.at);
  if (v.slide) q.set('slide', v.slide);
  if (v.lang) q.set('lang', v.lang);
  if (v.location) q.set('location', v.location);
  return (v.page === 'lobby' ? PAGES.lobby : PAGES.room(v.page)) + '?' + q.toString();
}

/** A reported viewport outside these is not drawn at its size (a bogus report, a zoomed page). */
const SIDE = { min: 240, max: 8_000 };
const FULL_HD = { width: 1920, height: 1080 };

export interface Thumb {
  src: string;
  /** The page is laid out at this size (the screen's own viewport), then scaled down. */
  width: number;
  height: number;
}

/**
 * A screen's thumbnail, from what it reports (page, room, slide, language, viewport) and where
 * staff said it stands (the assignment's location: screens do not report theirs): the same
 * frame the Preview shows. Null when there is nothing to draw: an admin page, a screen that
 * shows no room yet.
 */
export function thumbOf(s: ScreenInfo): Thumb | null {
  if (s.page === 'admin' || (s.page === 'room' && !s.room)) return null;
  const v = s.viewport;
  const sane = (n: number) => n >= SIDE.min && n <= SIDE.max;
  const size = v && sane(v.width) && sane(v.height) ? v : FULL_HD;
  return {
    src: previewSrc({
      page: s.page === 'room' ? s.room! : 'lobby',
      ...(s.slide ? { slide: s.slide } : {}),
      ...(s.lang ? { lang: s.lang } : {}),
      ...(s.assignment?.location ? { location: s.assignment.location } : {}),
    }),
    width: size.width,
    height: size.height,
  };
}
