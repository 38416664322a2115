import { photo, RED_DRESS, uniqueName } from "../support/catalogue.js";
import { expect, test } from "../support/fixtures.js";
import { ShopApi } from "../support/shop-api.js";
import { DONE, waitForStatus } from "../support/waits.js";

test.describe("3. Manual tags win", () => {
  test("a tag the owner typed is still there after annotation and re-annotation", async ({ shop, settings, productEditor }) => {
    // Colours become tags here, so Kalas Iris writes into the same list the owner typed into.
    await settings.connect({ mode: "auto", tag_fields: ["color", "usage", "season", "gender"], attribute_fields: ["pattern"] });
    const ownerTag = "owner-picked";
    const name = uniqueName("E2E tagged dress");

    await productEditor.create();
    await productEditor.setName(name);
    await productEditor.addTag(ownerTag);
    await productEditor.setProductImage(photo(RED_DRESS).file);
    const id = await productEditor.publish();
    shop.created.push(id);

    const annotated = await waitForStatus(shop, id, DONE, 180_000);
    const tags = ShopApi.terms(annotated).tags;
    expect(tags).toContain(ownerTag);
    expect(tags.length, `Kalas Iris added its own tags next to the owner's: ${tags.join(", ")}`).toBeGreaterThan(1);

    // Ask for a fresh annotation from the product screen: the owner's tag must survive it too.
    await productEditor.open(id);
    await productEditor.reannotate();
    await expect.poll(async () => ShopApi.status(await shop.product(id)), { timeout: 30_000 }).toMatch(/pending|annotated|applied/);
    const again = await waitForStatus(shop, id, DONE, 180_000);
    expect(ShopApi.terms(again).tags).toContain(ownerTag);
    await productEditor.open(id);
    expect(await productEditor.tags()).toContain(ownerTag);
  });
});
