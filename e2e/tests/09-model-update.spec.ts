import fs from "node:fs";

import { uniqueName } from "../support/catalogue.js";
import { expect, test } from "../support/fixtures.js";
import { otherModelPack } from "../support/model-pack.js";
import { photos } from "../support/photos.js";
import { ensureSimilarProductsOnProductPages } from "../support/storefront-setup.js";
import { DONE, waitForStatus } from "../support/waits.js";

test.describe("9. Model update", () => {
  test.setTimeout(10 * 60_000);

  test("after the service gets another model, the storefront falls back, the shop is indexed again, and the admin sees it", async ({
    shop,
    service,
    settings,
    storefront,
    backfillPage,
  }) => {
    test.skip(!service.controllable, "needs the local stack, which can restart the service with another model");
    await settings.connect({ mode: "auto" });
    await ensureSimilarProductsOnProductPages(shop);
    const rows = [
      ...photos({ articleType: "Dresses", baseColour: "Red", gender: "Women" }, 2, 0, /\bdress/i),
      ...photos({ articleType: "Jeans", baseColour: "Blue" }, 1),
    ];
    const [anchor, dress, jeans] = await shop.createProducts(
      rows.map((r) => ({ name: uniqueName(`E2E update ${r.articleType} ${r.baseColour} ${r.id}`), photo: r.file })),
    );
    for (const p of [anchor!, dress!, jeans!]) {
      await waitForStatus(shop, p.id, DONE, 240_000);
      await expect.poll(async () => !!(await service.product(p.id)), { timeout: 60_000 }).toBe(true);
    }

    const pack = otherModelPack();
    await service.stop();
    try {
      await service.start(pack);
      expect((await service.pack()).version).toMatch(/-e2e-update$/);
      // The stored vectors are the old model's: the service will not compare them with new ones.
      await expect(service.similar(anchor!.id)).rejects.toThrow(/product_stale/);

      // A shopper's page still shows products (WooCommerce's related ones), and the block asks
      // the service to index the shop again.
      await storefront.openProduct(anchor!.permalink);
      await expect(storefront.similarBlock()).toHaveAttribute("data-source", "related");

      // The admin panel starts the run if the block has not (it asks once a quarter hour).
      await backfillPage.goto();
      await expect(backfillPage.reindexState).toBeVisible();
      if (await backfillPage.reindexButton.isVisible()) await backfillPage.reindexButton.click();
      await expect.poll(async () => (await service.reindex()).state, { timeout: 180_000 }).toBe("done");

      // Indexed again from the shop's image URLs, by the new model: search works, and of this
      // flow's products the other dress comes before the jeans (the index may hold other flows' too).
      const ours = (await service.similar(anchor!.id, 100)).filter((id) => id === String(dress!.id) || id === String(jeans!.id));
      expect(ours).toEqual([String(dress!.id), String(jeans!.id)]);
      const { stale_now } = await service.reindex();
      await backfillPage.goto();
      await expect(backfillPage.reindexState).toHaveText(
        stale_now === 0 ? /up to date/ : new RegExp(`^${stale_now} products? (was|were) indexed by an older model`),
      );
    } finally {
      await service.stop();
      await service.start();
      fs.rmSync(pack, { recursive: true, force: true });
    }
  });
});
