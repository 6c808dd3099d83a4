import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = new URL('../../../../', import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  extraMetadata: { main: string };
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
}

async function load(): Promise<BuilderConfig> {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  return yaml.load(await readFile(new URL('electron-builder.yml', root), 'utf8')) as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema check', async () => {
    // The validator `npm run dist` runs first; packaging itself needs network access.
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, log: unknown): Promise<void>;
    };
    await expect(
      validateConfiguration(await load(), { add() {}, isEnabled: false }),
    ).resolves.toBeUndefined();
  });

  it('builds Linux AppImage and deb, Windows nsis and macOS dmg of the built app', async () => {
    const config = await load();
    expect(config).toMatchObject({ appId: 'org.hallway.signage', productName: 'Hallway' });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'data/**', 'package.json']));
    const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { main: string };
    expect(config.extraMetadata.main).toBe(pkg.main);
  });
});
