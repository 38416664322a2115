import { writeFileSync } from "node:fs";

import { RED_DRESS, photo, uniqueName } from "../support/catalogue.js";
import { expect, test } from "../support/fixtures.js";
import { photos } from "../support/photos.js";
import { screenshot } from "../support/screenshots.js";
import { ensureShopByPhotoPage } from "../support/storefront-setup.js";
import { DONE, waitForStatus } from "../support/waits.js";

test.describe("7. Shop by photo", () => {
  test.setTimeout(8 * 60_000);
  // A shopper: not logged in.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a shopper uploads a photo and sees similar products; a non-image gets a clear message", async ({
    page,
    shop,
    settings,
  }, testInfo) => {
    await settings.connect({ mode: "auto" });
    const url = await ensureShopByPhotoPage(shop);
    const dresses = photos({ articleType: "Dresses", baseColour: "Red", gender: "Women" }, 2, 0, /\bdress/i).filter(
      (r) => r.id !== RED_DRESS,
    );
    const created = await shop.createProducts(
      [...dresses, ...photos({ articleType: "Jeans", baseColour: "Blue" }, 1)].map((r) => ({
        name: uniqueName(`E2E photo search ${r.articleType}`),
        photo: r.file,
      })),
    );
    for (const p of created) await waitForStatus(shop, p.id, DONE, 240_000);

    await page.goto(url);
    const form = page.locator(".kalas-iris-shop-by-photo");
    await form.getByLabel("Search by photo").setInputFiles(photo(RED_DRESS).file);
    await form.getByRole("button", { name: "Find similar products" }).click();
    const results = form.locator(".kalas-iris-shop-by-photo__results");
    await expect(results.getByRole("link").first()).toBeVisible({ timeout: 60_000 });
    await expect(results).toContainText("E2E photo search Dresses");
    await screenshot(page, "shop-by-photo");

    const notAnImage = testInfo.outputPath("not-a-photo.jpg");
    writeFileSync(notAnImage, "This is a text file, not a photo.\n");
    await form.getByLabel("Search by photo").setInputFiles(notAnImage);
    await form.getByRole("button", { name: "Find similar products" }).click();
    // A sentence a shopper understands (the plugin's UploadValidator), not a code or a stack trace.
    await expect(form.getByRole("status")).toContainText(/not a photo/i, { timeout: 30_000 });
    await expect(form.getByRole("status")).not.toContainText(/not_an_image|error \d{3}|exception/i);
  });
});
