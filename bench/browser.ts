import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** Debian's Chromium, as the e2e suite and real mini-PC screens run it. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Screen {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * One page in its own browser context: real screens are separate machines, and pages of one
 * context would share Chromium's 6 HTTP/1.1 connections per host.
 */
export async function openScreen(
  browser: Browser,
  url: string,
  size = { width: 1920, height: 1080 },
): Promise<Screen> {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { context, page, errors };
}

export async function closeAll(screens: readonly Screen[]): Promise<void> {
  await Promise.all(screens.map((s) => s.context.close().catch(() => undefined)));
}

/** Open screens a few at a time: 50 navigations at once on 2 cores only measure the queue. */
export async function openScreens(
  browser: Browser,
  urls: readonly string[],
  parallel = 5,
): Promise<Screen[]> {
  const out: Screen[] = [];
  for (let i = 0; i < urls.length; i += parallel) {
    out.push(...(await Promise.all(urls.slice(i, i + parallel).map((u) => openScreen(browser, u)))));
  }
  return out;
}

/** Chrome DevTools Protocol `Performance.getMetrics` as a name → value map. */
export async function metrics(page: Page): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(list.map((m) => [m.name, m.value]));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
