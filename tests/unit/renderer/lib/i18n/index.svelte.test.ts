import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScreenLanguage } from '../../../../../renderer/lib/i18n/index.svelte.js';

// A bilingual screen shows every slide in the primary language first, the secondary from half-way.
describe('ScreenLanguage', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows English until told otherwise, then the language chosen', async () => {
    const l = new ScreenLanguage();
    expect(l.messages.lang).toBe('en');
    await l.choose({ primary: 'ja' });
    expect(l.messages.lang).toBe('ja');
    l.slide(20_000);
    vi.advanceTimersByTime(15_000);
    expect(l.messages.lang).toBe('ja');
  });

  it('alternates half-way through each slide, and starts each slide in the primary', async () => {
    const l = new ScreenLanguage();
    await l.choose({ primary: 'de', secondary: 'en' });
    const seen: [number, string][] = [];
    l.slide(20_000);
    for (const t of [0, 9_999, 10_000, 19_999, 20_000, 30_000]) {
      vi.advanceTimersByTime(t - (seen.at(-1)?.[0] ?? 0));
      seen.push([t, l.messages.lang]);
    }
    // the same slide again (one slide in the loop): the period repeats on its own
    expect(seen).toEqual([
      [0, 'de'],
      [9_999, 'de'],
      [10_000, 'en'],
      [19_999, 'en'],
      [20_000, 'de'],
      [30_000, 'en'],
    ]);
    l.slide(8_000); // the rotator moved on at 30 s: the next slide starts in German
    expect(l.messages.lang).toBe('de');
    vi.advanceTimersByTime(4_000);
    expect(l.messages.lang).toBe('en');
    l.stop();
    vi.advanceTimersByTime(60_000);
    expect(l.messages.lang).toBe('en');
  });

  it('the same choice again (a new snapshot) keeps the turn on screen', async () => {
    const l = new ScreenLanguage();
    await l.choose({ primary: 'de', secondary: 'en' });
    l.slide(20_000);
    vi.advanceTimersByTime(10_000);
    expect(l.messages.lang).toBe('en');
    await l.choose({ primary: 'de', secondary: 'en' });
    expect(l.messages.lang).toBe('en');
    vi.advanceTimersByTime(10_000);
    expect(l.messages.lang).toBe('de');
  });

  it('a later choice wins over one still loading', async () => {
    const l = new ScreenLanguage();
    const first = l.choose({ primary: 'ja' });
    const second = l.choose({ primary: 'de' });
    await Promise.all([first, second]);
    expect(l.messages.lang).toBe('de');
    expect(l.choice).toEqual({ primary: 'de' });
  });
});
