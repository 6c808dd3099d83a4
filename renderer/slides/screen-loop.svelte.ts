import { untrack } from 'svelte';
import type { Settings } from '../../core/settings/schema.js';
import type { HostConnection } from '../lib/client.svelte.js';
import { languageFromTag, screenLanguage, speakOnScreen } from '../lib/i18n/index.svelte.js';
import { pinnedSlide } from '../lib/path.js';
import { Rotator } from '../lib/rotator.svelte.js';
import type { ScreenCtx, SlideKind } from './kind.js';
import { customTypesOf, planLoop, type PlannedSlide } from './plan.js';
import { CUSTOM_KINDS } from './custom-kinds.js';
import { CustomKinds } from './custom-loader.svelte.js';
import { screenLoop } from './settings.js';

/**
 * A screen's loop, live: the settings' loop for this screen planned with its kinds, turned by
 * the rotator, and the slide on screen. Create it while the page's component initialises (it
 * keeps its effects there): a new `settings` entry or state change re-plans and re-checks.
 */
export class ScreenLoop<C extends ScreenCtx> {
  readonly rotator: Rotator<C>;
  #kinds: readonly SlideKind<C>[];
  #settings: () => Settings;
  #room: () => string | null;
  readonly #custom = new CustomKinds(CUSTOM_KINDS);

  readonly plan = $derived.by((): PlannedSlide<C>[] => {
    const { loop, slides } = screenLoop(this.#settings(), this.#room());
    return planLoop(loop, this.#kinds, this.#custom.ready, slides);
  });
  /** The slide on screen (null before the first one). */
  readonly shown = $derived.by(() => this.plan.find((d) => d.kind === this.rotator.current) ?? null);

  constructor(
    kinds: readonly SlideKind<C>[],
    opts: { settings: () => Settings; room: () => string | null; ctx: () => C | null; pinned: string | null },
  ) {
    this.#kinds = kinds;
    this.#settings = opts.settings;
    this.#room = opts.room;
    this.rotator = new Rotator(() => this.plan, opts.ctx, opts.pinned);
    // the custom kinds this loop names load as soon as the settings name them, while the host is
    // there (the HTTP cache keeps them), not when their slide comes up
    $effect(() => {
      const { loop, slides } = screenLoop(this.#settings(), this.#room());
      this.#custom.want(customTypesOf(loop, slides));
    });
    $effect(() => {
      void opts.ctx();
      void this.plan;
      untrack(() => this.rotator.check());
    });
    // bilingual screens turn language half-way through each slide's own duration
    $effect(() => {
      const kind = this.rotator.current;
      untrack(() => screenLanguage.slide(this.plan.find((d) => d.kind === kind)?.duration ?? 0));
    });
  }
}

/**
 * A room or lobby page's loop from its host connection: the settings' loop, the screen's
 * language (the registry's, `?lang=`, the conference's; a bilingual one turns with the slides),
 * and the slide on screen reported to the registry. Call it while the page initialises.
 */
export function pageLoop<C extends ScreenCtx>(
  conn: HostConnection,
  kinds: readonly SlideKind<C>[],
  opts: { room: () => string | null; ctx: () => C | null },
): ScreenLoop<C> {
  const loop = new ScreenLoop(kinds, {
    settings: () => conn.settings,
    room: opts.room,
    ctx: opts.ctx,
    pinned: pinnedSlide(location.search),
  });
  speakOnScreen({
    assigned: () => languageFromTag(conn.screen.assignment?.lang),
    conference: () => conn.settings.language,
  });
  $effect(() => {
    conn.screen.slide = loop.rotator.current;
  });
  return loop;
}
