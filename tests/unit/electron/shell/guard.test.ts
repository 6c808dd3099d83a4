import { describe, expect, it } from 'vitest';
import { isBlockedKioskKey, isHostUrl, screenUrl, type KeyInput } from '../../../../electron/shell/guard.js';
import { hostsFromQuery } from '../../../../renderer/lib/client-hosts.js';

const HOST = 'http://127.0.0.1:8710';

describe('isHostUrl', () => {
  it.each([
    ['http://127.0.0.1:8710/lobby', true],
    ['http://127.0.0.1:8710/room/winchester?at=2019-05-20T10:30:00-07:00', true],
    ['http://127.0.0.1:8711/lobby', false],
    ['http://localhost:8710/lobby', false],
    ['https://127.0.0.1:8710/lobby', false],
    ['https://www.usenix.org/conference/opml19', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<h1>x</h1>', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => expect(isHostUrl(HOST, url)).toBe(ok));
});

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
});

describe('isBlockedKioskKey', () => {
  it.each([
    ['Ctrl+R', key('r', { control: true }), true],
    ['Cmd+R', key('r', { meta: true }), true],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true }), true],
    ['F5', key('F5'), true],
    ['F12', key('F12'), true],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true }), true],
    ['Cmd+Alt+I', key('i', { meta: true, alt: true }), true],
    ['Ctrl+W', key('w', { control: true }), true],
    ['Alt+F4', key('F4', { alt: true }), true],
    ['Ctrl+plus (zoom)', key('+', { control: true }), true],
    ['plain r', key('r'), false],
    ['Tab', key('Tab'), false],
    ['F5 released', { ...key('F5'), type: 'keyUp' }, false],
  ])('%s → %s', (_name, input, blocked) => expect(isBlockedKioskKey(input)).toBe(blocked));
});

describe('screenUrl', () => {
  it('adds the screen name and keeps the admin token in the fragment', () => {
    expect(screenUrl(HOST, '/admin#token=abc', 'admin')).toBe(
      'http://127.0.0.1:8710/admin?screen=admin#token=abc',
    );
    expect(screenUrl(HOST, '/room/winchester', 'winchester-2')).toBe(
      'http://127.0.0.1:8710/room/winchester?screen=winchester-2',
    );
  });

  it('names the other hosts a screen may move to in ?hosts=, leaving its own out', () => {
    const url = new URL(
      screenUrl(HOST, '/lobby', 'lobby', [HOST, 'http://10.0.0.6:8710', 'https://10.0.0.7:8711']),
    );
    expect(url.origin + url.pathname).toBe(`${HOST}/lobby`);
    expect(url.searchParams.get('hosts')).toBe('http://10.0.0.6:8710,https://10.0.0.7:8711');
    expect(hostsFromQuery(url.search)).toEqual(['http://10.0.0.6:8710', 'https://10.0.0.7:8711']);
    expect(screenUrl(HOST, '/lobby', 'lobby', [HOST])).toBe(`${HOST}/lobby?screen=lobby`);
  });
});
