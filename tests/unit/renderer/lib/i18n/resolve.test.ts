import { describe, expect, it } from 'vitest';
import {
  languageFromSearch,
  languageFromTag,
  resolveLanguage,
} from '../../../../../renderer/lib/i18n/resolve.js';

describe('which language a screen speaks', () => {
  const de = { primary: 'de' } as const;
  const ja = { primary: 'ja' } as const;
  const deEn = { primary: 'de', secondary: 'en' } as const;
  it.each([
    ['nothing set: English', {}, { primary: 'en' }],
    ['the conference', { conference: deEn }, deEn],
    ['?lang= over the conference', { url: ja, conference: deEn }, ja],
    ["the registry's assignment over ?lang=", { assigned: de, url: ja, conference: deEn }, de],
    ['null sources are skipped', { assigned: null, url: null, conference: ja }, ja],
  ])('%s', (_, sources, want) => {
    expect(resolveLanguage(sources)).toEqual(want);
  });
});

describe('?lang= on the URL', () => {
  it.each([
    ['?lang=ja', { primary: 'ja' }],
    ['?lang=DE', { primary: 'de' }],
    ['?lang=de,en', { primary: 'de', secondary: 'en' }],
    ['?lang=de+en', { primary: 'de', secondary: 'en' }],
    ['?lang=de%2Cja', { primary: 'de', secondary: 'ja' }],
    ['?lang=de,de', { primary: 'de' }],
    ['?lang=fr,de', { primary: 'de' }],
    ['?lang=fr', null],
    ['?lang=', null],
    ['?slide=now', null],
  ])('%s', (search, want) => {
    expect(languageFromSearch(search)).toEqual(want);
  });
});

describe("the registry's language tag", () => {
  it.each([
    ['de', { primary: 'de' }],
    ['de-AT', { primary: 'de' }],
    ['ja-JP', { primary: 'ja' }],
    ['pt-BR', null],
    [undefined, null],
  ])('%s', (tag, want) => {
    expect(languageFromTag(tag)).toEqual(want);
  });
});
