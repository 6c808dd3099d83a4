import { describe, expect, it } from 'vitest';
import { LanguageChoiceSchema } from '../../../../core/protocol/language.js';
import { parseSettings } from '../../../../core/settings/parse.js';

describe("a language choice (the settings document's, the registry's)", () => {
  it.each([
    [{ primary: 'de' }, null, ''],
    [{ primary: 'de', secondary: 'en' }, null, ''],
    [{ primary: 'fr' }, 'primary', 'must be one of en, de, ja'],
    [{ primary: 'de', secondary: 'de' }, 'secondary', 'must differ from language.primary'],
    [{ primary: 'de', tertiary: 'ja' }, '', 'tertiary'],
  ])('%j', (input, badPath, message) => {
    const r = LanguageChoiceSchema.safeParse(input);
    if (badPath === null) return expect(r.success).toBe(true);
    expect(r.error?.issues[0]?.path.join('.')).toBe(badPath);
    expect(JSON.stringify(r.error?.issues[0])).toContain(message);
  });
});

describe('the settings document holds the conference language', () => {
  it('defaults to English alone', () => {
    const r = parseSettings({});
    expect(r.ok && r.settings.language).toEqual({ primary: 'en' });
  });

  it('keeps a bilingual choice', () => {
    const r = parseSettings({ language: { primary: 'de', secondary: 'en' } });
    expect(r.ok && r.settings.language).toEqual({ primary: 'de', secondary: 'en' });
  });

  it.each([
    [{ language: { primary: 'fr' } }, 'language.primary', 'must be one of en, de, ja'],
    [{ language: { primary: 'ja', secondary: 'ja' } }, 'language.secondary', 'must differ'],
    [{ language: 'de' }, 'language', ''],
  ])('refuses %j, naming the field', (input, path, message) => {
    const r = parseSettings(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.path).toBe(path);
      expect(r.problems[0]?.message).toContain(message);
    }
  });
});
