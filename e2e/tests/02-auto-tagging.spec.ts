import { photo, RED, RED_DRESS, RED_WORD, uniqueName } from "../support/catalogue.js";
import { expect, test } from "../support/fixtures.js";
import { ShopApi } from "../support/shop-api.js";
import { DONE, waitForStatus } from "../support/waits.js";

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
  });
});
