import type { BrowserWindow } from 'electron';
import { reloadDelay, UNRESPONSIVE_GRACE_MS } from './backoff.js';

/**
 * A screen that crashes, hangs or cannot load comes back by itself: reloaded after a delay that
 * grows while it keeps failing (backoff.ts), so a broken page does not pin the CPU. A hung
 * renderer gets a grace period, then is crashed on purpose so the reload gets a fresh process.
 */
export function setupCrashRecovery(
  win: BrowserWindow,
  name: string,
  load: () => Promise<void>,
  log: (line: string) => void,
): void {
  const contents = win.webContents;
  let crashes: number[] = [];
  let pending: NodeJS.Timeout | undefined;
  let hung: NodeJS.Timeout | undefined;

  const scheduleReload = (why: string) => {
    if (pending || win.isDestroyed()) return;
    const next = reloadDelay(crashes, Date.now());
    crashes = next.crashes;
    log(`screen ${name}: ${why}; reloading in ${Math.round(next.delayMs / 1000)} s`);
    pending = setTimeout(() => {
      pending = undefined;
      if (!win.isDestroyed())
        load().catch((e: unknown) => log(`screen ${name}: reload failed: ${String(e)}`));
    }, next.delayMs);
  };

  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    scheduleReload(`renderer gone (${details.reason}, exit code ${details.exitCode})`);
  });
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // -3 is ERR_ABORTED: a navigation replaced by another, not a failure.
    if (isMainFrame && code !== -3) scheduleReload(`could not load ${url} (${description})`);
  });
  win.on('unresponsive', () => {
    if (hung) return;
    log(`screen ${name}: not responding; giving it ${UNRESPONSIVE_GRACE_MS / 1000} s`);
    hung = setTimeout(() => {
      hung = undefined;
      if (win.isDestroyed()) return;
      contents.forcefullyCrashRenderer();
      scheduleReload('renderer hung');
    }, UNRESPONSIVE_GRACE_MS);
  });
  win.on('responsive', () => {
    if (hung) clearTimeout(hung);
    hung = undefined;
  });
  win.on('closed', () => {
    if (pending) clearTimeout(pending);
    if (hung) clearTimeout(hung);
  });
}
