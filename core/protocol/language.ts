import { z } from 'zod';

/**
 * The languages a screen can speak, and a conference's or a screen's choice of them. The settings
 * document and the screen registry both hold a `LanguageChoice`; the renderer resolves which one a
 * screen follows (renderer/lib/i18n/resolve.ts).
 */
export const LANGUAGES = ['en', 'de', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language by its own name, as a speaker looks for it (the admin's language control). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', ja: '日本語' };

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

export const isLanguage = (x: unknown): x is Language => LANGUAGES.includes(x as Language);
