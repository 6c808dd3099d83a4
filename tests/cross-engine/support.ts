import { screenReadyInPage, twoFramesInPage } from '../e2e/support/screen.js';
import type { EnginePage } from './engines/index.js';

/** Polls `probe` (run in node, usually asking the page) until `ok` holds; throws with the last value. */
export async function until<T>(
  what: string,
  probe: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 5_000,
): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (ok(last)) return { value: last, ms: Date.now() - start };
    if (Date.now() - start > timeoutMs)
      throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** As the Chromium suite's settled(): a screen rendered from a snapshot, its text fitted. */
export async function settled(page: EnginePage): Promise<void> {
  await until('the screen renders from a snapshot', () => page.evaluate(screenReadyInPage), Boolean, 10_000);
  await page.evaluate(twoFramesInPage);
}

/**
 * In the page: holds every timer of 5 s or more (the slide loop's, the heartbeat's) until the
 * test releases the earliest with tickInPage(): the loop then turns as fast as the test looks,
 * as Playwright's page.clock does for the Chromium suite. Timers already running are left alone.
 */
export function holdLongTimersInPage(): void {
  type Held = { id: number; due: number; run: () => void };
  const w = window as unknown as { __held?: Held[]; __virtual?: number };
  if (w.__held) return;
  const held: Held[] = [];
  w.__held = held;
  w.__virtual = 0;
  const realSet = window.setTimeout.bind(window);
  const realClear = window.clearTimeout.bind(window);
  let next = 1_000_000_000;
  window.setTimeout = ((fn: TimerHandler, delay?: number, ...args: unknown[]) => {
    if (typeof fn !== 'function' || (delay ?? 0) < 5_000) return realSet(fn, delay, ...args);
    const id = next++;
    held.push({ id, due: (w.__virtual ?? 0) + (delay ?? 0), run: () => fn(...args) });
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    const i = held.findIndex((h) => h.id === id);
    if (i >= 0) held.splice(i, 1);
    else realClear(id);
  }) as typeof window.clearTimeout;
}

/**
 * In the page: runs held timers, earliest first (virtual time jumps to each), until the screen's
 * slide changes, then lets two frames pass for fit-text. Returns the new slide; null when no
 * timer is held or twenty ran without turning the loop.
 */
export async function turnInPage(): Promise<string | null> {
  const w = window as unknown as { __held?: { due: number; run: () => void }[]; __virtual?: number };
  const held = w.__held ?? [];
  const slide = () => document.querySelector('[data-slide]')?.getAttribute('data-slide') ?? null;
  const before = slide();
  for (let i = 0; i < 20 && held.length > 0; i++) {
    held.sort((a, b) => a.due - b.due);
    const first = held.shift()!;
    w.__virtual = first.due;
    first.run();
    await Promise.resolve(); // Svelte writes the DOM in a microtask
    if (slide() !== before) break;
  }
  await new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok())));
  return slide() === before ? null : slide();
}

/** In the page: the lobby's page indicator and the room names on the page shown. */
export function lobbyPageInPage(): { label: string; rooms: string[] } {
  const slide = document.querySelector('[data-testid=lobby-screen]')?.getAttribute('data-slide') ?? '';
  const sel = slide.startsWith('now') ? '[data-testid=lobby-now-next] li .room' : '[data-testid=lobby-room]';
  return {
    label: document.querySelector('[data-testid=page-indicator]')?.textContent?.trim() ?? '',
    rooms: Array.from(document.querySelectorAll(sel)).map((e) => e.textContent?.trim() ?? ''),
  };
}
