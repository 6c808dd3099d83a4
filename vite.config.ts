import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, 'renderer');

// One HTML entry per window kind; the host serves them at /room/<id>, /lobby and /admin.
export default defineConfig({
  root,
  base: '/',
  plugins: [svelte()],
  build: {
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
