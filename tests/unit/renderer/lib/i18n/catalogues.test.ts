import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../../core/protocol/language.js';
import { loadCatalogue } from '../../../../../renderer/lib/i18n/catalogues.js';
import { de } from '../../../../../renderer/lib/i18n/de.js';
import { en, type Messages } from '../../../../../renderer/lib/i18n/en.js';
import { ja } from '../../../../../renderer/lib/i18n/ja.js';

// tsc already refuses a catalogue missing a key (each is typed `Messages`); this also catches one
// built at run time, an extra key, a function taking other arguments, and an empty text.

type Leaf = { path: string; value: unknown };
function leaves(o: object, prefix = ''): Leaf[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [{ path: `${prefix}${k}`, value: v }],
  );
}

/** Arguments to try every catalogue function with; a new function needs its line here. */
const ARGS: Record<string, unknown[]> = {
  'time.dayAt': ['Tomorrow', '10:30 AM'],
  'time.inMinutes': [90],
  'time.dates': [DateTime.fromISO('2019-05-20'), DateTime.fromISO('2019-05-22')],
  'time.until': ['11:00 AM'],
  'time.minutesLeft': [12],
  'screen.offlineSince': ['13:45'],
  'screen.qr': ['https://example.org/x'],
  'session.nextWhen': ['in 5 min'],
  'session.cancelledBecause': ['speaker ill'],
  'session.movedTo': ['Hall 1'],
  'session.delay': [-5, '10:25 AM'],
  'session.chair': ['Ada Lovelace'],
  'session.sponsoredBy': ['ACME'],
  'session.speaking': ['A talk', true],
  'changes.cancelled': ['1:30 PM', 'tutorial', null],
  'changes.moved': ['1:30 PM', 'tutorial', 'Hall 1'],
  'changes.nextHere': ['A talk', null, '2:30 PM'],
  'changes.then': ['One change', 'Next here: …'],
  'changes.list': [['one', 'two']],
  'changes.cancelledHeadline': ['A talk'],
  'changes.movedHeadline': ['Hall 1', 'A talk'],
  'status.startsOn': ['Conf', 'Monday, May 20', '8:00 AM'],
  'status.tookPlace': ['Conf', 'May 20, 2019'],
  'status.stillToCome': ['Poster Session', '5:30 PM', null],
  'status.nothingUntil': ['2:30 PM'],
  'venue.break': [null, '10:30 AM'],
  'venue.keynote': ['Hall 1'],
  'venue.other': ['Lunch', 'Hall 1', '1:30 PM'],
  'place.watch': ['Eliza', true],
  'slides.elsewhereMore': [12],
  'lobby.nextWhen': ['2:30 PM', 'in 15 min'],
  'lobby.pageOf': [1, 8, 75],
  'roomStatus.watchIn': ['Eliza · CCL, first floor'],
  'roomStatus.watchInOrStream': ['Eliza'],
};

const SHIPPED: [string, Messages][] = [
  ['en', en],
  ['de', de],
  ['ja', ja],
];

describe('every message key exists in every shipped catalogue', () => {
  const reference = leaves(en);

  it('ships a catalogue for every language the protocol names', async () => {
    expect(SHIPPED.map(([l]) => l)).toEqual([...LANGUAGES]);
    for (const lang of LANGUAGES) expect((await loadCatalogue(lang)).lang).toBe(lang);
  });

  it.each(SHIPPED)('%s has exactly the English keys, of the same kind', (_, m) => {
    const mine = leaves(m);
    expect(mine.map((l) => l.path)).toEqual(reference.map((l) => l.path));
    for (const [i, ref] of reference.entries()) {
      const value = mine[i]!.value;
      expect(typeof value, ref.path).toBe(typeof ref.value);
      if (typeof value === 'function') expect(value.length, ref.path).toBe((ref.value as () => void).length);
    }
  });

  it.each(SHIPPED)('%s has no empty text, and its functions give text', (_, m) => {
    for (const { path, value } of leaves(m)) {
      const args = ARGS[path];
      if (typeof value === 'function') expect(args, `sample arguments for ${path}`).toBeDefined();
      const text = typeof value === 'function' ? (value as (...a: unknown[]) => unknown)(...args!) : value;
      expect(typeof text, path).toBe('string');
      expect((text as string).trim(), path).not.toBe('');
    }
  });

  // The same as English only where the word is the same in that language (or a pattern/code).
  const SAME: Record<string, string[]> = {
    de: [
      'time.weekday',
      'screen.offline',
      'kinds.keynote',
      'kinds.tutorial',
      'kinds.workshop',
      'kinds.other',
      'venue.meals.brunch',
      'changes.list',
    ],
    ja: ['time.weekday', 'changes.list'],
  };
  it.each([
    ['de', de],
    ['ja', ja],
  ] as const)('%s is translated, not English left in place', (lang, m) => {
    const english = new Map(leaves(en).map((l) => [l.path, l.value]));
    const same = leaves(m)
      .filter((l) => typeof l.value === 'string' && l.value === english.get(l.path))
      .map((l) => l.path);
    expect(same.filter((p) => !SAME[lang]!.includes(p) && p !== 'lang')).toEqual([]);
  });
});
