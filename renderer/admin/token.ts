import type { ShellBridge } from '../../core/protocol/index.js';

/**
 * In the Electron shell's admin window the token comes from the preload bridge (main answers it
 * to that window's own page only), so it is in no URL and in no storage. Elsewhere the admin
 * token arrives once in the URL fragment (`/admin#token=...`, printed by `hallway serve`)
 * or is typed once; it is kept in this browser and taken out of the visible URL so it does not
 * end up on a screenshot or in a shared link. It is never logged.
 */
export const TOKEN_KEY = 'hallway:admin-token';

/** The token in a fragment like `#token=abc` or `#x=1&token=abc`, or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token')?.trim();
  return token ? token : null;
}

/** The fragment with the token taken out ('' when nothing else was in it). */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('token');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

export interface TokenPlace {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
}

/** Takes the token from the fragment (keeping it) or from storage; scrubs the fragment. */
export function takeToken(place: TokenPlace): string | null {
  const fromHash = tokenFromHash(place.location.hash);
  if (fromHash !== null) {
    keepToken(place, fromHash);
    const { pathname, search } = place.location;
    place.history.replaceState(null, '', pathname + search + hashWithoutToken(place.location.hash));
    return fromHash;
  }
  try {
    return place.storage?.getItem(TOKEN_KEY) || null;
  } catch {
    return null;
  }
}

export function keepToken(place: Pick<TokenPlace, 'storage'>, token: string): void {
  try {
    place.storage?.setItem(TOKEN_KEY, token);
  } catch {
    // storage disabled: the token lasts until the page is closed
  }
}

export function forgetToken(place: Pick<TokenPlace, 'storage'>): void {
  try {
    place.storage?.removeItem(TOKEN_KEY);
  } catch {
    // nothing kept, nothing to forget
  }
}

/** The token the shell's preload bridge gives, or null (a plain browser, or the bridge refused). */
export async function tokenFromBridge(
  bridge: Pick<ShellBridge, 'adminToken'> | undefined,
): Promise<string | null> {
  if (!bridge?.adminToken) return null;
  try {
    const token = (await bridge.adminToken())?.trim();
    return token ? token : null;
  } catch {
    return null;
  }
}
