import type { BrowserContext, Page } from '@playwright/test';

declare global {
  interface Window {
    __benchPainted?: Promise<number>;
  }
}

/**
 * Installed before any page script runs: resolves with the wall clock of the first animation
 * frame after what is wanted is in the DOM — the frame that paints it. A string, not a function: tsx
 * would wrap a named inner function in a helper the page does not have.
 */
const WATCH_PAINT = `(want) => {
  window.__benchPainted = new Promise((resolve) => {
    let done = false;
    const obs = new MutationObserver(() => check());
    function check() {
      if (done || !document.body) return;
      if (want.text && !document.body.textContent.includes(want.text)) return;
      if (want.selector && !document.querySelector(want.selector)) return;
      done = true;
      obs.disconnect();
      requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
    }
    obs.observe(document, { childList: true, subtree: true, characterData: true });
    check();
  });
}`;

/** What must be in the DOM: a text, an element matching a selector, or both. */
export interface PaintWanted {
  text?: string;
  selector?: string;
}

export async function armPaint(context: BrowserContext, want: PaintWanted): Promise<void> {
  await context.addInitScript({ content: `(${WATCH_PAINT})(${JSON.stringify(want)});` });
}

const describeWanted = (w: PaintWanted) =>
  [w.text && `"${w.text}"`, w.selector && `an element ${w.selector}`].filter(Boolean).join(' and ');

/** Wall clock (ms) of the frame that painted the text, or an error naming the text. */
export async function paintedAt(page: Page, want: PaintWanted, timeoutMs: number): Promise<number> {
  const t = await page.evaluate(
    (ms) =>
      Promise.race([
        window.__benchPainted ?? Promise.resolve(null),
        new Promise<null>((r) => setTimeout(() => r(null), ms)),
      ]),
    timeoutMs,
  );
  if (t === null) throw new Error(`${describeWanted(want)} was not painted within ${timeoutMs} ms`);
  return t;
}

/** The page's own milliseconds from navigation start to that frame. */
export async function paintedSinceNavigation(
  page: Page,
  want: PaintWanted,
  timeoutMs: number,
): Promise<number> {
  const wall = await paintedAt(page, want, timeoutMs);
  return wall - (await page.evaluate(() => performance.timeOrigin));
}
