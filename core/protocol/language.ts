import { z } from 'zod';
import { LANGUAGES } from './languages.js';

export { LANGUAGE_NAMES, LANGUAGES, isLanguage, type Language } from './languages.js';

/**
 * The languages a screen can speak, and a conference's or a screen's choice of them. The settings
 * document and the screen registry both hold a `LanguageChoice`; the renderer resolves which one a
 * screen follows (renderer/lib/i18n/resolve.ts).
 */
export const LanguageSchema = z.enum(LANGUAGES, {
  error: () => `must be one of ${LANGUAGES.join(', ')} (English, German, Japanese)`,
});

/** `secondary`: a bilingual conference shows every slide in both, the primary first. */
export const LanguageChoiceSchema = z
  .object({ primary: LanguageSchema, secondary: LanguageSchema.optional() })
  .strict()
  .refine((c) => c.secondary !== c.primary, {
    message: 'language.secondary must differ from language.primary (or be left out)',
    path: ['secondary'],
  });
export type LanguageChoice = z.infer<typeof LanguageChoiceSchema>;
