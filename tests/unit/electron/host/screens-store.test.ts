import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { confRegistryStore, type StoredScreen } from '../../../../electron/host/screens-store.js';
import { openStore } from '../../../../electron/host/store.js';
import { tempDir } from './helpers.js';

const good: StoredScreen = {
  screen: 'door',
  firstSeen: 1,
  lastSeen: 2,
  report: { screen: 'door', page: 'lobby', revision: 0 },
  reloads: 0,
  assignment: { page: 'lobby' },
  group: null,
  staffReloads: 0,
};

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('confRegistryStore', () => {
  it('keeps the registry in the conf store across opening it again', () => {
    dir = tempDir('hallway-registry-store-');
    confRegistryStore(
      openStore(dir, () => {}),
      () => {},
    ).save([good], { journal: 'j1', revision: 4 });
    expect(
      confRegistryStore(
        openStore(dir, () => {}),
        () => {},
      ).load(),
    ).toEqual([good]);
  });

  it.each([
    ['an entry that is no screen', [good, { screen: 'x', reloads: -1 }], [good], 'screens[1]'],
    ['a key that is no list', { door: good }, [], 'is not a list'],
  ])('%s: left out, named, and set aside (not lost)', (_, raw, want, named) => {
    dir = tempDir('hallway-registry-store-');
    const store = openStore(dir, () => {});
    store.set('screens', raw);
    const lines: string[] = [];
    expect(confRegistryStore(store, (l) => lines.push(l)).load()).toEqual(want);
    expect(lines.join('\n')).toContain(named);
    expect(JSON.stringify(store.get('screensSetAside'))).toContain(Array.isArray(raw) ? '"x"' : '"door"');
    // The host's token and settings are untouched.
    expect(store.get('settings')).toEqual({});
  });
});
