import { uniqueName } from "../support/catalogue.js";
import { expect, test } from "../support/fixtures.js";
import { photos } from "../support/photos.js";
import { screenshot } from "../support/screenshots.js";
import { ShopApi } from "../support/shop-api.js";

const COUNT = 200;
const PLUGIN = "/wp/v2/plugins/kalas-iris/kalas-iris";

test.describe("5. Backfill", () => {
  // 200 uploads and 200 annotations on a 2-core machine.
  test.setTimeout(20 * 60_000);

  test(`an existing catalogue of ${COUNT} products is annotated and indexed; the bar reaches ${COUNT}/${COUNT}`, async ({
    page,
    shop,
    service,
    settings,
    backfillPage,
  }) => {
    await settings.connect({ mode: "auto" });
    // Start from an empty shop, so the backfill's total is exactly the seeded catalogue.
    await shop.deleteProducts(await shop.allProductIds());

    // A catalogue that existed before Kalas Iris: seeded while the plugin is inactive.
    await shop.wp("POST", PLUGIN, { status: "inactive" });
    try {
      const rows = photos({ gender: "Women" }, COUNT);
      await shop.createProducts(rows.map((r) => ({ name: uniqueName(`E2E backfill ${r.productDisplayName}`), photo: r.file })));
    } finally {
      await shop.wp("POST", PLUGIN, { status: "active" });
    }
    const ids = shop.created;
    expect(ids).toHaveLength(COUNT);

    await backfillPage.goto();
    await backfillPage.start();
    await backfillPage.waitUntilDone(COUNT, 15 * 60_000);
    await screenshot(page, "backfill");

    // Every product has its annotation and is in the similar-items index.
    const statuses: Record<string, number> = {};
    let notIndexed = 0;
    for (const id of ids) {
      const status = ShopApi.status(await shop.product(id)) || "(none)";
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (!(await service.product(id))) notIndexed++;
    }
    const annotated = (statuses.annotated ?? 0) + (statuses.applied ?? 0);
    expect({ annotated, notIndexed }, `statuses ${JSON.stringify(statuses)}`).toEqual({ annotated: COUNT, notIndexed: 0 });
  });
});
