import { uniqueName } from "../support/catalogue.js";
import { expect, test } from "../support/fixtures.js";
import { photos } from "../support/photos.js";
import { DONE, waitForStatus } from "../support/waits.js";

test.describe("10. Catalogue learning", () => {
  test.setTimeout(10 * 60_000);

  test("the owner's own categories are learned, and a new product is filed in one of them", async ({
    page,
    shop,
    settings,
    backfillPage,
  }) => {
    await settings.connect({ mode: "auto", set_category: true });
    // The shop's own names, which the model's taxonomy ("Dresses", "Tshirts") does not have.
    const frocks = await shop.category(uniqueName("Frocks"));
    const tees = await shop.category(uniqueName("Tees and Tanks"));
    const dresses = photos({ articleType: "Dresses", gender: "Women" }, 4, 0, /\bdress/i);
    const tshirts = photos({ articleType: "Tshirts" }, 5, 10);
    const filed = await shop.createProducts([
      ...dresses.map((r) => ({ name: uniqueName(`E2E frock ${r.id}`), photo: r.file, categoryIds: [frocks] })),
      ...tshirts.slice(0, 4).map((r) => ({ name: uniqueName(`E2E tee ${r.id}`), photo: r.file, categoryIds: [tees] })),
    ]);
    for (const p of filed) await waitForStatus(shop, p.id, DONE, 240_000);

    await backfillPage.goto();
    await page.getByRole("button", { name: "Learn from my catalogue" }).click();
    await expect(page.getByTestId("learn-result")).toHaveText(/^Learned \d+ categories from \d+ products\./, { timeout: 120_000 });

    // A new t-shirt without a category: auto mode files it under the owner's "Tees and Tanks", not the
    // model's own category. (Not a dress: flow 4's corrections confirm the model's "Dresses" for dresses,
    // and a person's corrections count more than catalogue labels.)
    const [fresh] = await shop.createProducts([{ name: uniqueName(`E2E new tee ${tshirts[4]!.id}`), photo: tshirts[4]!.file }]);
    await waitForStatus(shop, fresh!.id, DONE, 240_000);
    const categories = (await shop.product(fresh!.id)).categories.map((c) => c.id);
    expect(categories).toContain(tees);
    expect(categories).not.toContain(frocks);
  });
});
