import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium, not a downloaded one: the same browser the kiosks run.
export const chromiumLaunch = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

const browser = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1920, height: 1080 },
  deviceScaleFactor: 1,
  launchOptions: chromiumLaunch,
};

// Screens show venue time whatever the kiosk's zone: every test runs in two zones far from it.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: { headless: true, trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    { name: 'utc', use: { ...browser, timezoneId: 'UTC' } },
    // Run once, in utc: layout and paging do not depend on the zone (fit, 35C3), and the
    // reliability specs set the browser's zone per test themselves.
    {
      name: 'tokyo',
      use: { ...browser, timezoneId: 'Asia/Tokyo' },
      testIgnore: [/screens-35c3\.spec\.ts/, /fit\.spec\.ts/, /reliability-.*\.spec\.ts/],
    },
  ],
});
