import type { ShellScreen } from '../../core/protocol/index.js';

/**
 * The screen identity travels to the sandboxed preload as one command-line switch of the
 * renderer process (webPreferences.additionalArguments): synchronous, no IPC, and nothing secret
 * (the admin token never goes this way; it is asked for over IPC). The preloads parse it with
 * the same prefix; they cannot import this module, because a sandboxed preload loads nothing
 * but electron's own modules.
 */
export const IDENTITY_SWITCH = '--hallway-screen=';

export function identityArg(identity: ShellScreen): string {
  return IDENTITY_SWITCH + encodeURIComponent(JSON.stringify(identity));
}

/** IPC channel the admin preload asks for the token on; main answers only the admin window. */
export const ADMIN_TOKEN_CHANNEL = 'hallway:admin-token';
