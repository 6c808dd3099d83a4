// Zod-free, so the screens can tell a language without the schema (DESIGN.md, "Screens carry no zod").

export const LANGUAGES = ['en', 'de', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language by its own name, as a speaker looks for it (the admin's language control). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', ja: '日本語' };

export const isLanguage = (x: unknown): x is Language => LANGUAGES.includes(x as Language);
