import { defineConfig } from 'vitest/config';

/** The NATS cluster tests, alone: `npx vitest run -c vitest.cluster.config.ts` (a step of npm test). */
export default defineConfig({
  test: {
    include: ['tests/unit/electron/host/cluster/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
