import { photo, RED_DRESS, uniqueName } from "../support/catalogue.js";
import { expect, test } from "../support/fixtures.js";
import { screenshot } from "../support/screenshots.js";
import { ShopApi } from "../support/shop-api.js";
import { waitForStatus } from "../support/waits.js";

test.describe("4. Review mode", () => {
  test("suggestions wait in the queue; accepting one writes it to the product", async ({ page, shop, settings, reviewQueue }) => {
    await settings.connect({ mode: "review", attribute_fields: ["color", "pattern"], set_category: true });
    const name = uniqueName("E2E review dress");
    const product = await shop.createProduct({ name, photo: photo(RED_DRESS).file });

    const waiting = await waitForStatus(shop, product.id, ["review"], 180_000);
    expect(ShopApi.terms(waiting).attributes.pa_color ?? [], "nothing is written before review").toEqual([]);
    // What the owner accepts is the stored suggestion; whether the model is right is flow 2's question.
    const suggested = ShopApi.suggestion(waiting).colors;
    expect(suggested.length, "the suggestion has colours").toBeGreaterThan(0);

    await reviewQueue.waitFor(name);
    await screenshot(page, "review-queue");
    await reviewQueue.accept(name);
    await expect(reviewQueue.item(name)).toHaveCount(0, { timeout: 30_000 });

    const after = await waitForStatus(shop, product.id, ["applied", "annotated"], 60_000);
    const written = (ShopApi.terms(after).attributes.pa_color ?? []).map((c) => c.toLowerCase());
    expect(written).toEqual(expect.arrayContaining(suggested.map((c) => c.toLowerCase())));
  });

  test("editing a suggestion offers the shop's categories and records the correction as feedback in the service", async ({
    shop,
    service,
    settings,
    reviewQueue,
  }) => {
    await settings.connect({ mode: "review", attribute_fields: ["color", "pattern"], set_category: true });
    const name = uniqueName("E2E corrected dress");
    const product = await shop.createProduct({ name, photo: photo(RED_DRESS).file });
    await waitForStatus(shop, product.id, ["review"], 180_000);

    await reviewQueue.waitFor(name);
    // The shop's own category names are offered (so a correction uses the shop's words), not the default one.
    await shop.category("Frocks");
    await reviewQueue.goto();
    const offered = await reviewQueue.categoryOptions(name);
    expect(offered).toContain("Frocks");
    expect(offered).not.toContain("Uncategorized");
    await reviewQueue.correctColours(name, "green");
    await expect(reviewQueue.item(name)).toHaveCount(0, { timeout: 30_000 });
    const after = await waitForStatus(shop, product.id, ["applied", "annotated"], 60_000);
    expect(ShopApi.terms(after).attributes.pa_color ?? []).toEqual(expect.arrayContaining([expect.stringMatching(/^green$/i)]));

    await expect
      .poll(async () => (await service.feedback(50)).some((f) => String(f.product_id) === String(product.id)), {
        message: "a feedback record for the product",
        timeout: 120_000,
        intervals: [2_000, 5_000],
      })
      .toBe(true);
  });
});
