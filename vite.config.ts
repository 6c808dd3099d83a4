import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, 'renderer');

/**
 * The oldest browsers the screens run in (README, "Browsers"): Chromium 111 (Chrome, Edge),
 * Firefox 115 ESR, Safari and iOS 16.4 (WebKit). The syntax the build writes stays within
 * ES2022; tests/cross-engine/build-target.spec.ts parses every bundle at that version.
 */
export const BUILD_TARGET = ['es2022', 'chrome111', 'edge111', 'firefox115', 'safari16.4', 'ios16.4'];

const page = (kind: string) => resolve(root, `${kind}.html`);

// One HTML entry per window kind; the host serves them at /room/<id>, /lobby and /admin. Each is a
// build of its own (an environment each, built in turn into one outDir): in one build the windows
// shared a chunk holding every module two of them use, so a room screen loaded the lobby's and the
// admin's share of Svelte, Luxon and core, and the cross-chunk imports besides (issue 13: ~5 KB
// gzip of a screen's 60). A screen is one page for good, so nothing is lost by not sharing.
export default defineConfig({
  root,
  base: '/',
  plugins: [svelte()],
  // Screens report it in their heartbeats (the admin's screens list).
  define: {
    __HALLWAY_VERSION__: JSON.stringify(
      (JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string })
        .version,
    ),
  },
  build: {
    target: BUILD_TARGET,
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    // Only for <link rel="modulepreload"> where a browser lacks it (Safari 16.4), and no window
    // preloads a chunk now: without it the link is a hint passed over, never an error.
    modulePreload: { polyfill: false },
  },
  environments: {
    // the first one built empties outDir (`emptyOutDir` above, or --emptyOutDir); the others add to it
    client: { build: { rollupOptions: { input: { room: page('room') } } } },
    lobby: {
      consumer: 'client',
      build: { emptyOutDir: false, rollupOptions: { input: { lobby: page('lobby') } } },
    },
    admin: {
      consumer: 'client',
      build: { emptyOutDir: false, rollupOptions: { input: { admin: page('admin') } } },
    },
  },
  builder: {
    async buildApp(builder) {
      for (const env of ['client', 'lobby', 'admin']) await builder.build(builder.environments[env]!);
    },
  },
});
