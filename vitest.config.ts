import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Real 3-node NATS clusters: run alone by vitest.cluster.config.ts (npm test's next step), as
    // elections and kill -9 rounds beside 120 other files on 2 cores miss their own deadlines.
    exclude: ['tests/unit/electron/host/cluster/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
