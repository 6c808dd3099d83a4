import type { LanguageChoice } from '../../../core/protocol/language.js';
import { isLanguage } from '../../../core/protocol/languages.js';

/**
 * Which language(s) a screen speaks. Precedence (COMMON design decision, issue 14): the screen
 * registry's assignment for this screen > `?lang=` on the URL > the settings document's conference
 * language > English. Each source is whole: a URL `?lang=de` means German alone even when the
 * conference is bilingual; `?lang=de,en` (or `de+en`) asks for both.
 */
export interface LanguageSources {
  assigned?: LanguageChoice | null | undefined;
  url?: LanguageChoice | null | undefined;
  conference?: LanguageChoice | null | undefined;
}

export const ENGLISH: LanguageChoice = { primary: 'en' };

export function resolveLanguage(s: LanguageSources): LanguageChoice {
  return s.assigned ?? s.url ?? s.conference ?? ENGLISH;
}

/**
 * `?lang=ja`, `?lang=de,en`, `?lang=de+en` (a `+` arrives as a space). Unknown languages are
 * ignored, so a typo falls back to the next source rather than a blank screen.
 */
export function languageFromSearch(search: string): LanguageChoice | null {
  const raw = new URLSearchParams(search).get('lang');
  if (!raw) return null;
  const langs = raw
    .split(/[\s,+]+/)
    .map((x) => x.trim().toLowerCase())
    .filter(isLanguage);
  const [primary, secondary] = langs;
  if (!primary) return null;
  return secondary && secondary !== primary ? { primary, secondary } : { primary };
}

/** A language tag as the screen registry keeps it ("de", "de-AT", "ja-JP"): the language we ship for it. */
export function languageFromTag(tag: string | null | undefined): LanguageChoice | null {
  const primary = tag?.toLowerCase().split('-')[0];
  return isLanguage(primary) ? { primary } : null;
}
