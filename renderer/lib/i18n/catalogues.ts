import type { Language } from '../../../core/protocol/language.js';
import { en, type Messages } from './en.js';

/**
 * The shipped catalogues. English is in every bundle (the reference, and what a screen shows until
 * its language has loaded); the others are separate chunks, fetched only by a screen that needs them.
 */
const LOADERS: Record<Language, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  de: () => import('./de.js').then((m) => m.de),
  ja: () => import('./ja.js').then((m) => m.ja),
};

const loaded = new Map<Language, Messages>([['en', en]]);

export async function loadCatalogue(lang: Language): Promise<Messages> {
  const have = loaded.get(lang);
  if (have) return have;
  const m = await LOADERS[lang]();
  loaded.set(lang, m);
  return m;
}

/** The catalogue if it is loaded already (no waiting, no flash of English on a switch back). */
export const loadedCatalogue = (lang: Language): Messages | undefined => loaded.get(lang);
