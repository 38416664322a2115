import { execFileSync } from "node:child_process";
import { join } from "node:path";

import { photo, RED, RED_DRESS, RED_WORD, uniqueName } from "../support/catalogue.js";
import { expect, test } from "../support/fixtures.js";
import { screenshot } from "../support/screenshots.js";
import { ShopApi } from "../support/shop-api.js";
import { REPO_ROOT } from "../support/stack-env.js";
import { DONE, waitForStatus } from "../support/waits.js";

const RACE_SCRIPT = join(REPO_ROOT, "e2e", "support", "php", "attribute-race.php");

test.describe("2. Auto-tagging", () => {
  test("a red dress created in the admin gets a dress category and a red colour", async ({ page, shop, settings, productEditor }) => {
    await settings.connect({ mode: "auto", set_category: true, attribute_fields: ["color", "pattern"] });
    const name = uniqueName("E2E red dress");

    await productEditor.create();
    await productEditor.setName(name);
    await productEditor.setRegularPrice("59");
    await productEditor.setProductImage(photo(RED_DRESS).file);
    const id = await productEditor.publish();
    shop.created.push(id);

    // Through the REST API: what any client of the shop sees.
    const product = await waitForStatus(shop, id, DONE, 180_000);
    const terms = ShopApi.terms(product);
    // The plugin's own record too: a colour applied and then lost shows as applied, then removed.
    const said = `the service said ${JSON.stringify(ShopApi.annotation(product))}; the plugin recorded ${JSON.stringify(ShopApi.pluginRecord(product))}`;
    expect(terms.categories.join(", "), said).toMatch(/dress/i);
    expect(terms.attributes.pa_color ?? [], `pa_color; ${said}`).toEqual(expect.arrayContaining([expect.stringMatching(RED)]));

    // In the admin: the product list and the product's own screen.
    await page.goto(`/wp-admin/edit.php?post_type=product&s=${encodeURIComponent(name)}`);
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(/dress/i);
    await productEditor.open(id);
    await expect(productEditor.kalasPanel).toContainText(/dress/i);
    await expect(productEditor.kalasPanel.getByRole("list", { name: "Colours" })).toContainText(RED_WORD);
    await screenshot(productEditor.kalasPanel, "product-panel");
  });

  // A shop's first colour is written by a job runner; another runner (or request) that started
  // before that attribute existed has WooCommerce's older list of attribute taxonomies. Reading a
  // product there drops the attribute, and WooCommerce's duplicate check lets a second one in.
  test("a job runner that started before an attribute existed keeps it, and adds no second one", async ({ stack, shop }) => {
    test.skip(!stack.wordpressDir, "needs the local stack's WordPress on this machine (npm run stack:up), not wp-env's Docker");
    const product = await shop.createProduct({ name: uniqueName("E2E attribute race") });
    shop.created.push(product.id);
    const slug = `race_${Date.now().toString(36)}`;
    const php = (role: string): string =>
      // As the stack's own scripts run PHP (stack/lib.sh wp_php), and never longer than a minute.
      execFileSync("php", ["-d", "memory_limit=512M", "-d", "display_errors=stderr", RACE_SCRIPT, String(product.id), slug, role], {
        timeout: 60_000,
        env: { ...process.env, WP_DIR: stack.wordpressDir, KALAS_BASE_URL: stack.baseUrl },
        encoding: "utf8",
      });
    try {
      const result = JSON.parse(php("parent").trim().split("\n").pop()!) as { registered_before: boolean; attribute_rows: number };
      expect(result.registered_before, "the parent must start before the attribute exists").toBe(false);
      expect(result.attribute_rows, "attributes with that slug").toBe(1);
      const terms = ShopApi.terms(await shop.product(product.id)).attributes[`pa_${slug}`] ?? [];
      expect(terms.sort()).toEqual(["Alpha", "Beta"]);
    } finally {
      php("cleanup");
    }
  });
});
