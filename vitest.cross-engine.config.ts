import { defineConfig } from 'vitest/config';

// The screens in Firefox ESR and WebKit (tests/cross-engine/), after the renderer build: one
// engine at a time (each runs a browser and a host), so the run stays light on a 2-core machine.
export default defineConfig({
  test: {
    include: ['tests/cross-engine/**/*.spec.ts'],
    // the host serves dist/renderer: built fresh when a source is newer, as for Playwright
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
