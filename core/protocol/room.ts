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
