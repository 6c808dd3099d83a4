/**
 * The screen registry's part of the protocol with no schema in it (routes, events, times, URLs):
 * room and lobby import values from here, so their bundles carry no zod (see wire.ts).
 * Re-exported by screens.ts. Nothing here may import zod, nor a module that does.
 */

export const SCREEN_ROUTES = {
  /** POST {screen, assignment?, group?} (admin): what a screen shows, its group. */
  assign: '/api/screens/assign',
  /** POST {command, screens? | group? | all?} (admin): identify or reload screens. */
  command: '/api/screens/command',
  /** POST {screen, kind, since} (admin): stop raising this alarm (a new one is raised again). */
  dismiss: '/api/screens/dismiss',
  /** POST {screen} (admin): drop a screen from the registry; its name is free again. */
  forget: '/api/screens/forget',
  /** GET ?screen=NAME (admin): a PNG of an Electron window of this host, taken now. */
  capture: '/api/screens/capture',
  /** GET (admin): the screens with the registry's cap, how full it is and whom it refused (RegistryInfo). */
  registry: '/api/screens/registry',
} as const;

/** The page a browser screen opens to be told what to show: the registry's assignment, else "not assigned yet". */
export const SCREEN_PAGE = '/screen';

/** SSE event (on a stream opened with `&screen=NAME`): that screen's ScreenDirective. */
export const SCREEN_EVENT = 'screen';

/** A known screen not heard from for this long (host real time) is silent. */
export const SCREEN_SILENT_MS = 60_000;
/** A screen still on an older revision this long after a newer one was made raises an alarm. */
export const SCREEN_BEHIND_MS = 10_000;
/** A screen refused for the cap is listed as refused this long after its last try (it retries at each beat). */
export const REFUSED_SHOWN_MS = 60_000;
/** Identify: the screen shows its name and id in large type for this long. */
export const IDENTIFY_MS = 15_000;

/** The events URL with `&screen=NAME`: the stream then also carries that screen's directives. */
export function withScreen(url: string, screen: string | undefined): string {
  if (!screen) return url;
  return `${url}${url.includes('?') ? '&' : '?'}screen=${encodeURIComponent(screen)}`;
}

/** Portrait or landscape, from a reported viewport. */
export const orientationOf = (v: { width: number; height: number }): 'portrait' | 'landscape' =>
  v.height > v.width ? 'portrait' : 'landscape';
