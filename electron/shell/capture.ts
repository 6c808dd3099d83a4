import type { BrowserWindow } from 'electron';
import type { CaptureScreen } from '../host/api/screens.js';

/** What a capture needs of a window: typed against electron.d.ts, faked in the tests. */
export type Capturable = Pick<BrowserWindow, 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'capturePage'>;
};

/**
 * The host's capture of the shell's own windows (GET /api/screens/capture): a PNG of what the
 * window paints now, taken only when staff ask. Null for a name that is no window of this shell
 * (a browser screen, or a window closed meanwhile) or a window with nothing painted yet.
 */
export function captureWindows(find: (screen: string) => Capturable | undefined): CaptureScreen {
  return async (screen) => {
    const win = find(screen);
    if (!win || win.isDestroyed()) return null;
    const image = await win.webContents.capturePage();
    return image.isEmpty() ? null : new Uint8Array(image.toPNG());
  };
}
