import { defineConfig } from '@playwright/test';

// The Electron shell under Playwright's _electron. Where the Electron binary is missing (it is
// downloaded by electron's postinstall, which needs network access) every test skips with one
// line saying so. On Linux CI run it under a display server, e.g. `xvfb-run npm run test:electron`.
export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  globalSetup: './tests/electron/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 15_000 },
});
