import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot, defaultDataDir } from '../../../../electron/host/paths.js';

describe('defaultDataDir: where Electron puts userData for an app named Hallway', () => {
  it.each<[NodeJS.Platform, NodeJS.ProcessEnv, string]>([
    ['linux', {}, join('/home/ada', '.config', 'Hallway')],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, join('/xdg', 'Hallway')],
    ['darwin', {}, join('/home/ada', 'Library', 'Application Support', 'Hallway')],
    [
      'win32',
      { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
      join('C:\\Users\\ada\\AppData\\Roaming', 'Hallway'),
    ],
  ])('%s %j', (platform, env, want) => {
    expect(defaultDataDir(platform, env, '/home/ada')).toBe(want);
  });
});

describe('appRoot', () => {
  it('is the checkout holding package.json', () => {
    expect(existsSync(join(appRoot(), 'bin', 'hallway.mjs'))).toBe(true);
  });
});
