import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import { chromium, type FullConfig } from "@playwright/test";

import { LoginPage } from "../pages/login.page.js";
import { AUTH_STATE, notRunLine, readStack } from "./stack-env.js";

/**
 * Logs the admin in once and stores the session for every test. Without a stack it prints the
 * one line saying why the flows are not run; the tests then skip themselves.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const found = readStack();
  if ("reason" in found) {
    console.log(notRunLine(found.reason));
    return;
  }
  const { stack } = found;
  const health = await fetch(`${stack.baseUrl}/wp-login.php`).catch((e: Error) => e);
  if (health instanceof Error || !health.ok) {
    throw new Error(
      `The stack at ${stack.baseUrl} does not answer (${health instanceof Error ? health.message : health.status}). Run \`npm run stack:up\` again.`,
    );
  }
  mkdirSync(dirname(AUTH_STATE), { recursive: true });
  const use = config.projects[0]!.use;
  const browser = await chromium.launch(use.launchOptions);
  try {
    const page = await browser.newPage({ baseURL: stack.baseUrl });
    await new LoginPage(page).logIn(stack.adminUser, stack.adminPassword);
    await page.context().storageState({ path: AUTH_STATE });
  } finally {
    await browser.close();
  }
}
