// zod-free, like wire.ts: the screens import it.
import { dayUrl } from './wire.js';

/**
 * A day-cut URL (GET day) as the page's answer preloads it (electron/host/static.ts): marked, so
 * only the client's first fetch asks for it and takes the preloaded answer. A later fetch (after
 * a revert, say) uses the plain URL and is never handed the answer preloaded at page load.
 */
export const preloaded = (url: string): string => `${url}${url.includes('?') ? '&' : '?'}preload=1`;

/** The room payload's URL (GET day?room=, issue 19); `preload` for the first fetch of a page. */
export function roomPayloadUrl(
  room: string,
  opts: { at?: string | undefined; preload?: boolean } = {},
): string {
  const url = dayUrl({ room, at: opts.at });
  return opts.preload ? preloaded(url) : url;
}

/**
 * The frame of a room screen with no room yet (`/screen` not assigned, `/room` with none): GET day
 * with `sessions=none`, the program without its sessions (conference, rooms, announcements, alerts),
 * the settings and the clock. All it shows is its name, the clock and alerts (issue 19): the full
 * snapshot (35C3: 940 KB) is not for it.
 */
export const FRAME_PARAM = { name: 'sessions', value: 'none' } as const;

export function frameUrl(opts: { at?: string | undefined } = {}): string {
  const url = dayUrl({ at: opts.at });
  return `${url}${url.includes('?') ? '&' : '?'}${FRAME_PARAM.name}=${FRAME_PARAM.value}`;
}
