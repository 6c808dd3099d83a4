// Preload of room and lobby windows: tells the page which screen it is, and nothing else.
// Sandboxed preloads are CommonJS and may load only electron's own modules, so this file is
// self-contained (types come from the protocol; identity.ts documents the switch format).
import type { ShellBridge, ShellScreen } from '../../core/protocol/index.js';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload is CommonJS
import electron = require('electron');

function identity(): ShellScreen {
  const prefix = '--hallway-screen=';
  const arg = process.argv.find((a) => a.startsWith(prefix));
  const parsed = arg ? (JSON.parse(decodeURIComponent(arg.slice(prefix.length))) as ShellScreen) : undefined;
  if (!parsed || typeof parsed.screen !== 'string')
    throw new Error('hallway preload: no screen identity given');
  return Object.freeze({ ...parsed });
}

const bridge: ShellBridge = Object.freeze({ shell: 'electron' as const, identity: identity() });
electron.contextBridge.exposeInMainWorld('hallway', bridge);
