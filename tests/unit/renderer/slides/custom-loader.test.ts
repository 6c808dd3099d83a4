import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoopEntry } from '../../../../core/settings/loop.js';
import { CustomSlide } from '../../../../core/settings/slides.js';
import type { LazyCustomKind } from '../../../../renderer/slides/custom-kinds.js';
import { CustomKinds, RETRY_MS } from '../../../../renderer/slides/custom-loader.svelte.js';
import { customTypesOf } from '../../../../renderer/slides/plan.js';
import type { CustomKind } from '../../../../renderer/slides/kind.js';

const wifi = CustomSlide.parse({ type: 'text', id: 'wifi', heading: 'Wi-Fi', lines: ['OpML'] });
const survey = CustomSlide.parse({
  type: 'qr',
  id: 'survey',
  heading: 'Survey',
  url: 'https://example.org/s',
});
const entries = (...slides: string[]): LoopEntry[] => slides.map((slide) => ({ slide, seconds: 10 }));

describe('the custom slide types a loop names', () => {
  it.each([
    { loop: entries('now', 'next'), types: [] },
    { loop: entries('now', 'custom:wifi'), types: ['text'] },
    { loop: entries('custom:survey', 'custom:wifi', 'custom:wifi'), types: ['qr', 'text'] },
    // a slide since deleted names no type: nothing to load for it
    { loop: entries('custom:gone', 'grid'), types: [] },
  ])('$loop.length entries: $types', ({ loop, types }) => {
    expect([...customTypesOf(loop, [wifi, survey])].sort()).toEqual(types);
  });
});

describe('custom kinds loaded on demand', () => {
  afterEach(() => vi.useRealTimers());
  const component = (() => {}) as unknown as CustomKind['component'];
  const kind = (type: 'text' | 'qr', load: () => Promise<CustomKind>): LazyCustomKind => ({ type, load });

  it('loads each kind a loop names once, and only those', async () => {
    const text = vi.fn(() => Promise.resolve<CustomKind>({ type: 'text', component }));
    const qr = vi.fn(() => Promise.resolve<CustomKind>({ type: 'qr', component }));
    const kinds = new CustomKinds([kind('text', text), kind('qr', qr)]);
    kinds.want(['text']);
    kinds.want(['text']);
    await vi.waitFor(() => expect(kinds.ready.map((k) => k.type)).toEqual(['text']));
    kinds.want(['text']);
    expect([text.mock.calls.length, qr.mock.calls.length]).toEqual([1, 0]);
  });

  it('asks again for a kind whose load failed (the host away), after a while', async () => {
    vi.useFakeTimers();
    let fail = true;
    const load = vi.fn(() =>
      fail ? Promise.reject(new Error('offline')) : Promise.resolve<CustomKind>({ type: 'qr', component }),
    );
    const kinds = new CustomKinds([kind('qr', load)]);
    kinds.want(['qr']);
    await vi.advanceTimersByTimeAsync(0);
    expect(kinds.ready).toEqual([]);
    // the caller's effect runs again on the retry tick; here, call it as it would
    kinds.want(['qr']);
    expect(load).toHaveBeenCalledTimes(2);
    fail = false;
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    kinds.want(['qr']);
    await vi.advanceTimersByTimeAsync(0);
    expect(kinds.ready.map((k) => k.type)).toEqual(['qr']);
  });
});
