import { untrack } from 'svelte';
import type { Language, LanguageChoice } from '../../../core/protocol/language.js';
import { loadCatalogue, loadedCatalogue } from './catalogues.js';
import { en, type Messages } from './en.js';
import { ENGLISH, languageFromSearch, resolveLanguage } from './resolve.js';

export type { Messages } from './en.js';
export { en } from './en.js';
export {
  ENGLISH,
  languageFromSearch,
  languageFromTag,
  resolveLanguage,
  type LanguageSources,
} from './resolve.js';

/**
 * The language a screen window speaks right now. One per window (a room or lobby page is one
 * screen): components read `t()`, pure functions get the catalogue as a parameter.
 *
 * Bilingual (`secondary` set): every slide shows in the primary language for the first half of
 * its duration, then in the secondary, the whole screen at once (header, slide, band). The loop
 * keeps its timing and every slide is read in both languages on every turn; see DESIGN.md.
 */
export class ScreenLanguage {
  /** What the screen was asked to speak (resolved from the registry, the URL, the settings). */
  choice = $state<LanguageChoice>(ENGLISH);
  /** The catalogue on screen now. */
  messages = $state.raw<Messages>(en);
  #asked = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #duration = 0;

  /** Switch to a choice: loads its catalogues (a chunk each), then shows the primary. */
  async choose(choice: LanguageChoice): Promise<void> {
    // the same choice again (any snapshot re-resolves it): keep the turn the screen is in
    if (same(choice, this.choice)) return;
    const asked = ++this.#asked;
    await Promise.all([loadCatalogue(choice.primary), choice.secondary && loadCatalogue(choice.secondary)]);
    if (asked !== this.#asked) return; // a later choice won
    this.choice = choice;
    this.#show(choice.primary);
    if (this.#duration) this.slide(this.#duration);
  }

  /**
   * A slide began and stays `duration` ms: primary now, secondary from half-way. Restarted by every
   * slide change; with one slide in the loop it keeps alternating on the same period.
   */
  slide(duration: number): void {
    this.#duration = duration;
    this.#stop();
    this.#show(this.choice.primary);
    const second = this.choice.secondary;
    if (!second || duration <= 0) return;
    this.#timer = setTimeout(
      () => {
        this.#show(second);
        this.#timer = setTimeout(() => this.slide(duration), duration - Math.floor(duration / 2));
      },
      Math.floor(duration / 2),
    );
  }

  stop(): void {
    this.#stop();
    this.#duration = 0;
  }

  #stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #show(lang: Language): void {
    const m = loadedCatalogue(lang);
    if (!m) return;
    this.messages = m;
    // the page's language picks the right glyphs (Japanese, not Chinese forms) and hyphenation
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }
}

const same = (a: LanguageChoice, b: LanguageChoice) => a.primary === b.primary && a.secondary === b.secondary;

/** This window's screen language. */
export const screenLanguage = new ScreenLanguage();

/** The catalogue on screen now (reactive in components and `$derived`). */
export const t = (): Messages => screenLanguage.messages;

/**
 * Call while a screen component initialises: its language follows the sources (read reactively:
 * a settings change on the stream switches it live) and alternates with its slides.
 * `slideDuration`: how long the slide now on screen stays (0 before the first).
 */
export function speakOnScreen(o: {
  /** The screen registry's assignment for this screen (`languageFromTag` of its `lang`). */
  assigned?: () => LanguageChoice | null | undefined;
  conference: () => LanguageChoice | null | undefined;
  /** The slide on screen's duration, where the page turns no ScreenLoop (which tells it itself). */
  slideDuration?: () => number;
}): void {
  const url = languageFromSearch(location.search);
  $effect(() => {
    void screenLanguage.choose(
      resolveLanguage({ assigned: o.assigned?.(), url, conference: o.conference() }),
    );
  });
  const slideDuration = o.slideDuration;
  if (slideDuration)
    $effect(() => {
      const duration = slideDuration();
      untrack(() => screenLanguage.slide(duration));
    });
  $effect(() => () => screenLanguage.stop());
}
