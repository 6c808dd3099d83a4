import type { PageKind, ShellBridge } from '../../core/protocol/index.js';
import { HostList, hostsFromQuery } from './client-hosts.js';

export interface HostConnectionOptions {
  page: PageKind;
  room?: string;
  /** Origin of the host; defaults to the page's own. */
  baseUrl?: string;
  /**
   * false: no event stream of its own (admin previews in frames: Chromium allows 6 HTTP/1.1
   * connections per host); the parent page feeds snapshots with `postSnapshot`.
   */
  stream?: boolean;
  /** Reload the page when the stream stays down while the host answers (default: not for admin). */
  watchdog?: boolean;
  /** Name in the admin's screen list; defaults to the preload's identity or a stable random id. */
  screen?: string;
  /**
   * 'day': with nothing cached, paint first from the day on screen (GET day, of `room` if given),
   * then fetch the full snapshot. Default 'full': the full snapshot only.
   */
  firstPaint?: 'day' | 'full';
  /**
   * 'room': the room payload (GET day?room=) is all this page fetches, caches and resumes from,
   * never the full snapshot (issue 19). Default: 'room' on room pages, else 'full'.
   */
  payload?: 'room' | 'full';
  /**
   * How often `now()` wakes what reads it: 'minute' (room and lobby: they show hours and minutes,
   * so an idle screen does no work between minutes) or 'second' (the admin's clock). Default by page.
   */
  tick?: 'second' | 'minute';
}

export type ResolvedOptions = Required<
  Pick<
    HostConnectionOptions,
    'page' | 'baseUrl' | 'stream' | 'watchdog' | 'screen' | 'firstPaint' | 'payload' | 'tick'
  >
> & {
  room?: string;
  /** Every host known (a cluster's): `baseUrl` is the one talked to now. */
  hosts: HostList;
};

declare global {
  interface Window {
    /** Set by the Electron shell's preload; absent in a plain browser. */
    hallway?: ShellBridge;
  }
}

export function resolveOptions(opts: HostConnectionOptions): ResolvedOptions {
  const base = opts.baseUrl ?? (typeof location === 'undefined' ? '' : location.origin);
  const hosts = new HostList(
    base.replace(/\/$/, ''),
    typeof location === 'undefined' ? [] : hostsFromQuery(location.search),
  );
  return {
    page: opts.page,
    room: opts.room,
    hosts,
    // The host the screen talks to now: the next one of the list once its own stopped answering.
    get baseUrl() {
      return hosts.current;
    },
    stream: opts.stream ?? !framedPreview(),
    watchdog: opts.watchdog ?? opts.page !== 'admin',
    screen: opts.screen ?? defaultScreenName(opts.page, opts.room),
    firstPaint: opts.firstPaint ?? 'full',
    payload: opts.payload ?? (opts.page === 'room' ? 'room' : 'full'),
    tick: opts.tick ?? (opts.page === 'admin' ? 'second' : 'minute'),
  };
}

function defaultScreenName(page: PageKind, room?: string): string {
  if (typeof window === 'undefined') return `${room ?? page}`;
  // The shell names its windows; a plain browser can be named with `?screen=hall-east`.
  const named = window.hallway?.identity.screen ?? new URLSearchParams(location.search).get('screen');
  if (named) return named;
  const key = `hallway:screen:${page}:${room ?? ''}`;
  try {
    const existing = localStorage.getItem(key);
    if (existing) return existing;
    const made = `${room ?? page}-${Math.random().toString(36).slice(2, 8)}`;
    localStorage.setItem(key, made);
    return made;
  } catch {
    return `${room ?? page}-${Math.random().toString(36).slice(2, 8)}`;
  }
}

/** `?preview=1` inside a frame: the admin page feeds it snapshots; it holds no stream of its own. */
export function framedPreview(): boolean {
  if (typeof window === 'undefined' || typeof location === 'undefined' || window.parent === window)
    return false;
  return new URLSearchParams(location.search).get('preview') === '1';
}
