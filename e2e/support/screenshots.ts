import { join } from "node:path";

import { test, type Locator, type Page } from "@playwright/test";

import { REPO_ROOT } from "./stack-env.js";

/**
 * Saves what a flow shows at a moment the plugin's README pictures. With KALAS_SCREENSHOTS=1 the file is
 * docs/screenshots/wp-<name>.png, where it is committed, so the README shows the plugin as it is;
 * otherwise it goes to the test's output folder, beside the trace.
 *
 * @param target The page, or one element of it (a block, a panel).
 */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const file = `wp-${name}.png`;
  const path = process.env.KALAS_SCREENSHOTS === "1" ? join(REPO_ROOT, "docs", "screenshots", file) : test.info().outputPath(file);
  if (!("goto" in target)) {
    // An element shot scrolls the element into view, under WordPress's fixed admin bar and headers.
    await target.page().addStyleTag({ content: "#wpadminbar, .woocommerce-layout__header { display: none !important; }" });
  }
  await target.screenshot({ path, animations: "disabled" });
}
