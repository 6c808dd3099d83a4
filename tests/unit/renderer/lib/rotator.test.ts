import { describe, expect, it } from 'vitest';
import { nextSlide, type SlideDef } from '../../../../renderer/lib/rotator.svelte.js';

type Ctx = { has: Set<string> };
const defs: SlideDef<Ctx>[] = ['now', 'next', 'later', 'sponsors'].map((kind) => ({
  kind,
  duration: 1_000,
  when: (c) => kind === 'now' || c.has.has(kind),
}));
const ctx = (...kinds: string[]): Ctx => ({ has: new Set(kinds) });

describe('nextSlide', () => {
  it.each([
    { current: null, has: ['next'], want: 'now' },
    { current: 'now', has: ['next', 'later'], want: 'next' },
    { current: 'now', has: ['sponsors'], want: 'sponsors' },
    { current: 'sponsors', has: ['sponsors'], want: 'now' },
    { current: 'now', has: [], want: 'now' },
    // the slide on screen stopped applying: carry on from its place in the loop
    { current: 'next', has: ['later'], want: 'later' },
    { current: 'gone', has: ['later'], want: 'now' },
  ])('after $current with $has → $want', ({ current, has, want }) => {
    expect(nextSlide(defs, ctx(...has), current)?.kind).toBe(want);
  });

  it('is null when no slide applies', () => {
    expect(nextSlide([{ kind: 'x', duration: 1, when: () => false }], ctx(), null)).toBeNull();
  });
});
