import { defineConfig } from "@playwright/test";

import { AUTH_STATE, readStack } from "./support/stack-env.js";

const found = readStack();

/**
 * One suite for both stacks (the local one from `npm run stack:up`, or wp-env): only the base URL
 * and credentials differ. The browser is the system's Chromium; Playwright never downloads one.
 */
export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  // Flows share one shop and a 2-core machine: one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  globalSetup: "./support/global-setup.ts",
  use: {
    baseURL: "stack" in found ? found.stack.baseUrl : undefined,
    storageState: "stack" in found ? AUTH_STATE : undefined,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    actionTimeout: 20_000,
    navigationTimeout: 60_000,
    launchOptions: {
      executablePath: process.env.KALAS_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
