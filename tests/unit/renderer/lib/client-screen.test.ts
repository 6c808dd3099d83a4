import { describe, expect, it } from 'vitest';
import {
  assignedLanguage,
  bootReason,
  engineOf,
  markReload,
  pageFor,
  readDirective,
  screenSecret,
  wantsReload,
} from '../../../../renderer/lib/client-screen.js';

const memory = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
};

describe('engineOf', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      'Chromium 156',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', 'Firefox 153'],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
      'WebKit 605',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Hallway/0.1.0 Chrome/140.0 Electron/38.1.0 Safari/537.36',
      'Electron 38',
    ],
    ['curl/8.0', undefined],
  ])('%s → %s', (ua, want) => expect(engineOf(ua)).toBe(want));
});

describe('reloads', () => {
  it.each([
    ['staff marked it', 'staff', '', 'reload', 'staff'],
    ['the watchdog marked it', 'watchdog', '', 'reload', 'watchdog'],
    ['the shell after a crash', null, '?reload=crash', 'navigate', 'crash'],
    ['a reload nobody marked', null, '', 'reload', 'other'],
    ['the first load', null, '?screen=door', 'navigate', 'start'],
  ] as const)('%s → %s', (_, mark, search, nav, want) => {
    const session = memory();
    if (mark) markReload(session, mark);
    expect(bootReason(session, search, nav)).toBe(want);
    // Said once: the load after it is not marked again.
    expect(bootReason(session, '', 'navigate')).toBe('start');
  });

  it('reloads on a staff count above the one seen, never on the first count a tab sees', () => {
    const session = memory();
    expect(wantsReload(session, 'door', 3)).toBe(false);
    expect(wantsReload(session, 'door', 3)).toBe(false);
    expect(wantsReload(session, 'door', 4)).toBe(true);
    expect(wantsReload(session, 'door', 4)).toBe(false);
  });
});

describe('screenSecret', () => {
  it('is made once per name and kept; none where nothing can be kept', () => {
    const local = memory();
    let n = 0;
    const made = () => `secret-number-${++n}-of-this-screen`;
    const first = screenSecret('door', local, made);
    expect(screenSecret('door', local, made)).toBe(first);
    expect(screenSecret('other', local, made)).not.toBe(first);
    expect(screenSecret('door', null, made)).toBeUndefined();
  });
});

describe('pageFor and the language', () => {
  const here = { page: 'room' as const, screen: 'door', search: '?reload=crash&lang=fr' };
  it.each([
    ['none', null, null],
    ['another room: followed in place', { page: 'room', room: 'borg' }, null],
    ['the lobby: that page, the name kept', { page: 'lobby' }, '/lobby?lang=fr&screen=door'],
  ] as const)('%s', (_, a, want) => expect(pageFor(a, here)).toBe(want));

  it('takes the assignment’s language over ?lang=', () => {
    expect(assignedLanguage({ page: 'lobby', lang: 'de' }, '?lang=fr')).toBe('de');
    expect(assignedLanguage({ page: 'lobby' }, '?lang=fr')).toBe('fr');
    expect(assignedLanguage(null, '')).toBeUndefined();
  });

  it('reads only this screen’s directive', () => {
    const d = { screen: 'door', assignment: null, identifyMs: 0, reload: 0 };
    expect(readDirective(JSON.stringify(d), 'door')).toEqual(d);
    expect(readDirective(JSON.stringify(d), 'other')).toBeNull();
    expect(readDirective('{nope', 'door')).toBeNull();
  });
});

describe('readDirective without a schema', () => {
  it.each([
    ['a room', { page: 'room', room: 'borg', lang: 'de' }, { page: 'room', room: 'borg', lang: 'de' }],
    ['a room without one', { page: 'room' }, null],
    ['a page that is none', { page: 'kitchen' }, null],
    [
      'a room and where the screen stands',
      { page: 'room', room: 'borg', location: 'Entrance' },
      { page: 'room', room: 'borg', location: 'Entrance' },
    ],
    ['a lobby board’s place', { page: 'lobby', location: 'Foyer' }, { page: 'lobby', location: 'Foyer' }],
    [
      'a place that is no name: left out',
      { page: 'room', room: 'borg', location: 7 },
      { page: 'room', room: 'borg' },
    ],
    ['a place without a page: nothing', { location: 'Entrance' }, null],
  ])('%s', (_, assignment, want) => {
    const d = readDirective(JSON.stringify({ screen: 'door', assignment, identifyMs: 0, reload: 0 }), 'door');
    expect(d?.assignment).toEqual(want);
  });
});
