import { WATCH_SCRIPT } from '../../e2e/reliability-support.js';

/**
 * What the cross-engine spec needs of a browser, whatever drives it: one page, opened at a URL,
 * asked for text and attributes, pictured, resized. The spec is written once against this.
 */
export interface EnginePage {
  /** Navigates and waits for the load event; page errors and CSP violations are counted from here. */
  open(url: string): Promise<void>;
  /** Runs a self-contained function in the page (no closure: it is sent as source). */
  evaluate<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
  /** The first match's textContent, trimmed; '' when nothing matches. */
  text(selector: string): Promise<string>;
  /** The first match's attribute; null when nothing matches or it has none. */
  attr(selector: string, name: string): Promise<string | null>;
  /** The viewport as a PNG at `path`. */
  screenshot(path: string): Promise<void>;
  /** The page's viewport (not the window) becomes width×height CSS pixels. */
  setViewport(width: number, height: number): Promise<void>;
  /** Uncaught errors and CSP violations seen since the last open(), described. */
  problems(): Promise<string[]>;
  close(): Promise<void>;
}

export interface Engine {
  name: string;
  /** null when it can run here, else what is missing and the one command that installs it. */
  missing(): string | null;
  /** Starts the browser in `zone` (its TZ), one page in it. */
  launch(zone: string): Promise<{ version: string; page: EnginePage }>;
}

/**
 * Installed in the page: the reliability specs' CSP watch plus uncaught errors. The Firefox adapter
 * installs it before any page script (a BiDi preload script); WebDriver classic has no such hook,
 * so the WebKit adapter runs it right after load (a script the CSP blocked at load leaves the
 * screen blank or unstyled, which the spec checks too).
 */
export const WATCH_IN_PAGE = `${WATCH_SCRIPT}
  window.__pageErrors = [];
  // "ResizeObserver loop completed with undelivered notifications" is the engine saying it put
  // off some observations to the next frame (the text fitting resizes what it observes): no
  // exception of the page's, and WebKit reports it now and then where Chromium does not.
  window.addEventListener('error', (e) => {
    if (/^ResizeObserver loop/.test(e.message)) return;
    window.__pageErrors.push('page error: ' + e.message);
  });
  window.addEventListener('unhandledrejection', (e) =>
    window.__pageErrors.push('unhandled rejection: ' + String(e.reason)));
`;

/** In the page: what WATCH_IN_PAGE recorded. */
export function problemsInPage(): string[] {
  const w = window as unknown as { __cspViolations?: string[]; __pageErrors?: string[] };
  if (!w.__cspViolations || !w.__pageErrors) return ['the watch script was not installed'];
  return [...w.__cspViolations.map((v) => `CSP violation: ${v}`), ...w.__pageErrors];
}
