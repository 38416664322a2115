import { test as base, expect } from "@playwright/test";

import { readStack, type Stack } from "./stack-env.js";

const found = readStack();

interface Fixtures {
  stack: Stack;
}

/** `test` with the stack under test; every test is skipped, with the reason, when there is none. */
export const test = base.extend<Fixtures>({
  stack: async ({}, use, testInfo) => {
    testInfo.skip("reason" in found, "reason" in found ? found.reason : "");
    await use((found as { stack: Stack }).stack);
  },
  page: async ({ page, stack }, use) => {
    void stack; // depends on `stack` so a test without one is skipped before the browser opens
    await use(page);
  },
});

export { expect };
