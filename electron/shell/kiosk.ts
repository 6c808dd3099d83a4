import type { BrowserWindow } from 'electron';
import type { PageKind } from '../../core/protocol/index.js';
import { isBlockedKioskKey } from './guard.js';

/** Attendees look at room and lobby screens; nobody points at them. */
const NO_CURSOR = '*, *::before, *::after { cursor: none !important; }';

/**
 * Kiosk behaviour of one window. `locked` (the --kiosk flag): no reload, devtools, zoom or close
 * keys, and devtools closed if anything opens them. Room and lobby windows never show a cursor.
 */
export function setupKiosk(win: BrowserWindow, page: PageKind, locked: boolean): void {
  const contents = win.webContents;
  if (locked) {
    win.setMenu(null);
    contents.on('before-input-event', (event, input) => {
      if (isBlockedKioskKey(input)) event.preventDefault();
    });
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
  if (page !== 'admin') {
    contents.on('dom-ready', () => {
      // Electronegativity flags insertCSS for user-supplied content; this is a constant.
      void contents.insertCSS(NO_CURSOR, { cssOrigin: 'user' }); // eng-disable DANGEROUS_FUNCTIONS_JS_CHECK
    });
  }
}
