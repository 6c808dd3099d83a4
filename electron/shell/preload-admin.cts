// Preload of the admin window: its screen identity, and the admin token on request. Main answers
// the token only to the admin window's own page on the host's origin.
// Self-contained for the sandbox, like preload-screen.cts.
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

const bridge: ShellBridge = Object.freeze({
  shell: 'electron' as const,
  identity: identity(),
  // Only the promise's value crosses the bridge, never ipcRenderer itself.
  adminToken: (): Promise<string | null> =>
    electron.ipcRenderer.invoke('hallway:admin-token') as Promise<string | null>,
});
electron.contextBridge.exposeInMainWorld('hallway', bridge);
