/**
 * Where a screen window may go. Everything the windows show comes from the host's own origin;
 * anything else (a link in an abstract, a redirect, window.open) is refused, never opened.
 */
export function isHostUrl(hostOrigin: string, url: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  return target.origin === new URL(hostOrigin).origin;
}

/** The parts of Electron's Input the kiosk check reads. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/**
 * Keys a passer-by must not be able to use on a kiosk: reload, devtools, view source, zoom,
 * close, quit, print, new window. The menu is gone in kiosk mode, but Chromium still has some of
 * these built in.
 */
export function isBlockedKioskKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (['F5', 'F11', 'F12', 'BrowserRefresh'].includes(key)) return true;
  if (input.alt && key === 'F4') return true;
  const mod = input.control || input.meta;
  if (!mod) return false;
  if ((input.shift || input.alt) && ['i', 'j', 'c', 'r'].includes(key)) return true;
  return ['r', 'u', 'w', 'q', 'p', 'n', 't', 'o', 's', '+', '-', '=', '0'].includes(key);
}

/**
 * The page URL a window loads, with its screen name so a plain reload keeps its identity, and
 * the other hosts it may move to (`?hosts=`, as a browser screen takes them) when there are any.
 */
export function screenUrl(
  hostOrigin: string,
  path: string,
  screen: string,
  hosts: readonly string[] = [],
): string {
  const url = new URL(path, hostOrigin);
  url.searchParams.set('screen', screen);
  const others = hosts.filter((h) => h !== url.origin);
  if (others.length) url.searchParams.set('hosts', others.join(','));
  return url.toString();
}
