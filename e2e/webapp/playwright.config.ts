import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests of the try-it web app against the real service (started by support/global-setup.ts),
 * in Debian's Chromium at a phone and a desktop viewport. Run from the repository root:
 *   npx playwright test -c e2e/webapp
 */
const port = Number(process.env.KALAS_WEBAPP_PORT ?? 18790);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Its own folder: the main e2e suite empties e2e/test-results when it starts.
  outputDir: './test-results',
  // One service for all tests, on a 2-core machine: run them one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  globalSetup: './support/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [
    { name: 'phone', use: { ...devices['Pixel 7'], browserName: 'chromium' } },
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, browserName: 'chromium' } },
  ],
});
