import { uniqueName } from "../support/catalogue.js";
import { expect, test } from "../support/fixtures.js";
import { photos } from "../support/photos.js";
import { ShopApi } from "../support/shop-api.js";

test.describe("8. Resilience", () => {
  // Failed jobs retry with backoff from 60 s (plugin/src/Jobs/Backoff.php): allow a few rounds.
  test.setTimeout(12 * 60_000);

  test("products created while the service is down are annotated once it is back, without anyone doing anything", async ({
    shop,
    service,
    settings,
  }) => {
    test.skip(!service.controllable, "this stack cannot stop the service (wp-env); run it on the local stack");
    await settings.connect({ mode: "auto" });

    await service.stop();
    expect(await service.isUp()).toBe(false);
    const created = await shop.createProducts(
      photos({ articleType: "Tshirts" }, 5, 10).map((r) => ({ name: uniqueName(`E2E resilience ${r.baseColour} tee`), photo: r.file })),
    );
    // The jobs must really have tried and failed while the service was down, or this proves nothing.
    await expect
      .poll(async () => Promise.all(created.map(async (p) => ShopApi.status(await shop.product(p.id)))), {
        message: "every product's first attempt failed and is waiting to retry",
        timeout: 120_000,
        intervals: [2_000],
      })
      .toEqual(created.map(() => "retrying"));

    await service.start();
    await expect
      .poll(
        async () => {
          const statuses = await Promise.all(created.map(async (p) => ShopApi.status(await shop.product(p.id))));
          return statuses.filter((s) => /^(annotated|applied)$/.test(s)).length;
        },
        { message: "annotated products of 5", timeout: 10 * 60_000, intervals: [5_000, 10_000] },
      )
      .toBe(5);
    for (const p of created) expect(await service.product(p.id), `product ${p.id} in the index`).toBeDefined();
  });
});
