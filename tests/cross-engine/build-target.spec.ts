import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { BUILD_TARGET } from '../../vite.config.js';

// The built screens use no syntax newer than the ECMAScript version in Vite's build.target,
// so they run in the oldest browsers README promises (the config's global setup builds them).
const ASSETS = resolve(import.meta.dirname, '../../dist/renderer/assets');
const es = BUILD_TARGET.find((t) => /^es\d{4}$/.test(t));
const ecmaVersion = Number(es?.slice(2));

describe(`the renderer bundles parse as ${es}`, () => {
  const bundles = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));

  it('there are bundles to check, and a target to check them at', () => {
    expect(es, `build.target in vite.config.ts names no esYYYY: ${BUILD_TARGET.join(', ')}`).toBeDefined();
    expect(bundles.length).toBeGreaterThanOrEqual(3);
  });

  it.each(bundles)('%s', (file) => {
    const code = readFileSync(join(ASSETS, file), 'utf8');
    expect(() =>
      parse(code, { ecmaVersion: ecmaVersion as 2022, sourceType: 'module', locations: true }),
    ).not.toThrow();
  });
});
