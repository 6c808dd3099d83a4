import type { Page } from '@playwright/test';
import { ROUTES } from '../../../core/protocol/wire.js';

/** Waits until a screen has rendered from a snapshot and its text has been fitted. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(screenReadyInPage);
  // fit-text runs on animation frames: let two pass
  await page.evaluate(twoFramesInPage);
}

/**
 * Reloads screens and waits until each painted again and has its event stream open: a change
 * made after this is pushed to it live (its "within 1 s" counts from a connected screen, not from
 * a page still booting on a busy machine).
 */
export async function reloadLive(...pages: Page[]): Promise<void> {
  await Promise.all(
    pages.map(async (page) => {
      const stream = page.waitForResponse((r) => new URL(r.url()).pathname === ROUTES.events);
      await page.reload();
      await Promise.all([stream, settled(page)]);
    }),
  );
}

/** In the page: a room or lobby screen is there and no longer waiting for its first snapshot. */
export function screenReadyInPage(): boolean {
  return (
    document.querySelector('[data-testid=room-screen], [data-testid=lobby-screen]') !== null &&
    !document.body.textContent?.includes('Connecting to the Hallway host')
  );
}

/** In the page: resolves after two animation frames (fit-text measures and sets on frames). */
export function twoFramesInPage(): Promise<void> {
  return new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok())));
}

/**
 * Text boxes whose content does not fit them or that stick out of the viewport, described for
 * the failure message. A box is any rendered non-inline element holding text.
 */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(overflowingInPage);
}

/**
 * The check itself, run inside the page. Self-contained (no closure, no imports) so that any
 * driver can send it: Playwright here, the Firefox and WebKit adapters in tests/cross-engine/.
 */
export function overflowingInPage(): string[] {
  const bad: string[] = [];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
    const cs = getComputedStyle(el);
    if (cs.display === 'inline' || cs.display === 'none' || cs.visibility === 'hidden') continue;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
    const text = el.textContent?.trim() ?? '';
    if (!text) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const over = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    const out = r.right > vw + 1 || r.bottom > vh + 1 || r.left < -1 || r.top < -1;
    if (over || out)
      bad.push(
        `<${el.tagName.toLowerCase()} class="${el.className}"> ${over ? `content ${el.scrollWidth}×${el.scrollHeight} > box ${el.clientWidth}×${el.clientHeight}` : ''}${out ? ` outside the ${vw}×${vh} viewport (${Math.round(r.left)},${Math.round(r.top)})–(${Math.round(r.right)},${Math.round(r.bottom)})` : ''}: "${text.slice(0, 60)}"`,
      );
  }
  return bad;
}
