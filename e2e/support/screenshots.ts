import { join } from "node:path";

import { test, type Locator, type Page, type TestInfo } from "@playwright/test";

import { REPO_ROOT } from "./stack-env.js";

/**
 * Where a screenshot is saved, for the WordPress flows and the web app's browser tests alike. With
 * KALAS_SCREENSHOTS=1 a picture that a README shows goes to docs/screenshots/, where it is committed, so
 * the README shows the product as it is; otherwise it goes to the test's output folder, beside the trace.
 *
 * @param file The file name, prefixed by what it shows (`wp-backfill.png`, `webapp-phone-offline.png`).
 * @param forDocs False for a state that no README shows: it always stays in the output folder.
 */
export function screenshotPath(testInfo: TestInfo, file: string, forDocs = true): string {
  return process.env.KALAS_SCREENSHOTS === "1" && forDocs ? join(REPO_ROOT, "docs", "screenshots", file) : testInfo.outputPath(file);
}

/**
 * Saves what a flow shows at a moment the plugin's README pictures, as docs/screenshots/wp-<name>.png
 * (see screenshotPath).
 *
 * @param target The page, or one element of it (a block, a panel).
 */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const path = screenshotPath(test.info(), `wp-${name}.png`);
  if (!("goto" in target)) {
    // An element shot scrolls the element into view, under WordPress's fixed admin bar and headers.
    await target.page().addStyleTag({ content: "#wpadminbar, .woocommerce-layout__header { display: none !important; }" });
  }
  await target.screenshot({ path, animations: "disabled" });
}
