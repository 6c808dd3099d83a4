import { dayUrl } from './index.js';

/**
 * The room payload's URL (GET day?room=, issue 19). The page's answer preloads it with `preload`
 * set (electron/host/static.ts), and only the client's first fetch asks for that URL: a later
 * fetch (after a revert, say) must never be handed the answer preloaded at page load.
 */
export function roomPayloadUrl(
  room: string,
  opts: { at?: string | undefined; preload?: boolean } = {},
): string {
  const url = dayUrl({ room, at: opts.at });
  return opts.preload ? `${url}&preload=1` : url;
}
