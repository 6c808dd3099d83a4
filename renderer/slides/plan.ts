import { CUSTOM_PREFIX } from '../../core/settings/loop-for.js';
import type { LoopEntry } from '../../core/settings/loop.js';
import type { CustomSlide, CustomSlideType } from '../../core/settings/slides.js';
import { scheduleApplies } from '../../core/slides/applies.js';
import type { Messages } from '../lib/i18n/index.svelte.js';
import type { SlideDef } from '../lib/rotator.svelte.js';
import type { CustomKind, ScreenCtx, SlideKind } from './kind.js';

/** A paged kind's pages beyond this are not planned (75 rooms at 2 columns is 38). */
export const MAX_PAGES = 40;

/** One slide of a screen's loop: what the rotator turns (`kind` is its key) and what it renders. */
export interface PlannedSlide<C extends ScreenCtx> extends SlideDef<C> {
  page: number;
  slide: CustomSlide | null;
  component: SlideKind<C>['component'];
  /** The footer's words for it, and which page is on. */
  name: (m: Messages) => string;
  label: (ctx: C, m: Messages) => string | null;
}

/**
 * A loop (settings) made into the rotator's slides: a paged kind once per page (`grid:0`, `grid:1`,
 * …), a custom slide (`custom:wifi`) by its kind and schedule. A kind this screen does not know
 * (a loop from a newer Hallway, a custom slide since deleted) is left out, not an error.
 */
export function planLoop<C extends ScreenCtx>(
  loop: readonly LoopEntry[],
  kinds: readonly SlideKind<C>[],
  customKinds: readonly CustomKind[],
  slides: readonly CustomSlide[],
): PlannedSlide<C>[] {
  const out: PlannedSlide<C>[] = [];
  for (const entry of loop) {
    const duration = entry.seconds * 1_000;
    if (entry.slide.startsWith(CUSTOM_PREFIX)) {
      const slide = slides.find((s) => `${CUSTOM_PREFIX}${s.id}` === entry.slide);
      const kind = slide && customKinds.find((k) => k.type === slide.type);
      if (!slide || !kind) continue;
      out.push({
        kind: entry.slide,
        duration,
        page: 0,
        slide,
        // the custom kinds' component takes any screen's ctx
        component: kind.component as SlideKind<C>['component'],
        name: () => '',
        label: () => null,
        when: (c) =>
          scheduleApplies(slide.schedule, { zone: c.program.conference.timeZone, at: c.at, room: c.room }) &&
          (kind.when?.(c, slide) ?? true),
      });
      continue;
    }
    const kind = kinds.find((k) => k.kind === entry.slide);
    if (!kind) continue;
    const { pages } = kind;
    if (!pages) {
      out.push({
        kind: kind.kind,
        duration,
        page: 0,
        slide: null,
        component: kind.component,
        name: (m) => kind.name?.(m) ?? '',
        label: (c, m) => kind.label?.(c, 0, m) ?? null,
        when: kind.when,
      });
      continue;
    }
    for (let page = 0; page < MAX_PAGES; page++)
      out.push({
        kind: `${kind.kind}:${page}`,
        duration,
        page,
        slide: null,
        component: kind.component,
        name: (m) => kind.name?.(m) ?? '',
        label: (c, m) => kind.label?.(c, page, m) ?? null,
        when: (c) => page < pages(c) && kind.when(c),
      });
  }
  return out;
}

/** The custom slide types a loop names (its `custom:<id>` entries whose slide exists). */
export function customTypesOf(
  loop: readonly LoopEntry[],
  slides: readonly CustomSlide[],
): Set<CustomSlideType> {
  const out = new Set<CustomSlideType>();
  for (const e of loop) {
    if (!e.slide.startsWith(CUSTOM_PREFIX)) continue;
    const s = slides.find((x) => `${CUSTOM_PREFIX}${x.id}` === e.slide);
    if (s) out.add(s.type);
  }
  return out;
}
