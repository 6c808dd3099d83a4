import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { problemsInPage, WATCH_IN_PAGE, type Engine, type EnginePage } from './types.js';

/**
 * Debian's Firefox ESR over WebDriver BiDi, which Firefox speaks itself (no geckodriver), headless.
 * puppeteer-core never downloads a browser: it runs the one at FIREFOX.
 */
const FIREFOX = '/usr/bin/firefox-esr';

export const firefox: Engine = {
  name: 'firefox',
  missing: () =>
    existsSync(FIREFOX) ? null : `Firefox ESR is not installed (${FIREFOX}): apt-get install -y firefox-esr`,
  async launch(zone) {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      env: { ...process.env, TZ: zone },
      // no update checks, telemetry or first-run pages on a test run
      extraPrefsFirefox: { 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false },
    });
    const version = await browser.version();
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(WATCH_IN_PAGE);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e instanceof Error ? e.message : String(e)}`));
    // puppeteer's own typing wants its function type; the adapter's is as strict for callers
    const evaluate = page.evaluate.bind(page) as (fn: unknown, ...args: unknown[]) => Promise<never>;
    const adapter: EnginePage = {
      async open(url) {
        errors.length = 0;
        await page.goto(url, { waitUntil: 'load' });
      },
      evaluate: (fn, ...args) => evaluate(fn, ...args),
      text: (selector) =>
        page.evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? '', selector),
      attr: (selector, name) =>
        page.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name),
      async screenshot(path) {
        await page.screenshot({ path: path as `${string}.png` });
      },
      async setViewport(width, height) {
        await page.setViewport({ width, height, deviceScaleFactor: 1 });
      },
      async problems() {
        // the page's own list has the CSP violations; puppeteer's event has errors thrown at load
        return [...new Set([...errors, ...(await page.evaluate(problemsInPage))])];
      },
      close: () => browser.close(),
    };
    return { version: `Firefox ${version.replace(/^firefox\//, '')}`, page: adapter };
  },
};
