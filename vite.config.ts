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

// One HTML entry per window kind; the host serves them at /room/<id>, /lobby and /admin.
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
    rollupOptions: {
      input: {
        room: resolve(root, 'room.html'),
        lobby: resolve(root, 'lobby.html'),
        admin: resolve(root, 'admin.html'),
      },
    },
  },
});
