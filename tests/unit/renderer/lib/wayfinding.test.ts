import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../core/settings/defaults.js';
import type { Settings } from '../../../../core/settings/schema.js';
import { de } from '../../../../renderer/lib/i18n/de.js';
import { en } from '../../../../renderer/lib/i18n/en.js';
import { directionsTo, movedLine, screenLocation } from '../../../../renderer/lib/wayfinding.js';
import { elsewhereRows } from '../../../../renderer/room/rows.js';
import { roomView } from '../../../../renderer/room/view.js';
import { opml19, t } from '../../core/fixtures.js';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  rooms: {
    'stevens-creek': { building: 'Hyatt', floor: '2nd floor', directions: 'Up the stairs, first left' },
    magnolia: { floor: 'ground floor' },
  },
  locations: { Entrance: { directions: { 'stevens-creek': 'Past the registration desk, then up' } } },
};

describe('how to get to a room from where the screen stands', () => {
  it.each([
    ['the location’s own way wins', 'Entrance', 'stevens-creek', 'Past the registration desk, then up'],
    ['no location: the room’s own', null, 'stevens-creek', 'Up the stairs, first left'],
    ['a location that says nothing of the room: the room’s own', 'Entrance', 'magnolia', null],
    ['neither', null, 'winchester', null],
  ])('%s', (_name, location, room, want) => {
    expect(directionsTo(settings, location, room)).toBe(want);
  });

  it.each([
    ['?location=Entrance', 'Entrance'],
    ['?slide=elsewhere&location=%20Entrance%20', 'Entrance'],
    ['?location=Nowhere', null],
    ['', null],
    ['?location=constructor', null],
  ])('the screen at %j stands at %s', (search, want) => {
    expect(screenLocation(settings, search)).toBe(want);
  });

  const two: Settings = {
    ...settings,
    locations: { ...settings.locations, Foyer: { directions: { 'stevens-creek': 'Left of the bar' } } },
  };
  it.each([
    ['the assignment’s place wins over the URL’s', 'Foyer', '?location=Entrance', 'Foyer'],
    ['an assigned place alone', 'Foyer', '', 'Foyer'],
    ['none assigned: the URL’s', undefined, '?location=Entrance', 'Entrance'],
    ['an assigned place the settings dropped: the URL’s', 'Cloakroom', '?location=Entrance', 'Entrance'],
    ['an assigned place the settings dropped, no URL: nowhere', 'Cloakroom', '', null],
    ['a name that is no place of the settings', 'toString', '', null],
  ])('%s', (_name, assigned, search, want) => {
    expect(screenLocation(two, search, assigned)).toBe(want);
  });

  it('a location name that is an object’s own does not break the directions', () => {
    expect(directionsTo(settings, 'constructor', 'stevens-creek')).toBe('Up the stairs, first left');
    expect(directionsTo(settings, 'Entrance', 'constructor')).toBeNull();
  });
});

describe('the room screen says where rooms are', () => {
  const program = opml19();
  it('"Elsewhere now" leads with the room and its place, and says how to get there', () => {
    const v = roomView(program, 'winchester', t('2019-05-20T11:00:00-07:00'));
    const row = elsewhereRows(program, v, settings, en, 'Entrance').find((r) =>
      r.lead?.startsWith('Stevens Creek Room'),
    );
    expect(row).toMatchObject({
      lead: 'Stevens Creek Room · Hyatt, 2nd floor →',
      where: 'until 12:30 PM · Past the registration desk, then up',
    });
  });

  it.each([
    [en, 'Moved to the Magnolia Room · ground floor →'],
    [de, 'Verlegt nach Magnolia Room · ground floor →'],
  ])('a move says where the session went: %#', (m, line) => {
    expect(movedLine(program, settings, 'magnolia', m)).toBe(line);
  });
});
