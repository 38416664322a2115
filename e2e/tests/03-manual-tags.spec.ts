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

  test("the service's own write-back to WooCommerce keeps the owner's tag and removes only its own", async ({
    stack,
    shop,
    service,
    settings,
  }) => {
    test.skip(!stack.wcConsumerKey, "the stack description has no WooCommerce REST key for the service");
    // Review mode: the plugin writes nothing by itself, so every change below is the service's.
    await settings.connect({ mode: "review" });
    await service.connectWooCommerce(stack.baseUrl, stack.wcConsumerKey!, stack.wcConsumerSecret!);
    const product = await shop.createProduct({ name: uniqueName("E2E service write-back"), tags: ["owner-picked"] });

    const sure = (label: string) => ({ label, score: 0.95, confident: true });
    const options = { tagFields: ["pattern", "color"], attributeFields: [], protectManual: true };
    await service.apply(product.id, {
      annotation: { attributes: { pattern: sure("Striped") }, colors: [{ name: "red", share: 0.7 }] },
      options,
    });
    let now = ShopApi.terms(await shop.product(product.id)).tags;
    expect(now.sort()).toEqual(["owner-picked", "red", "Striped"].sort());

    // The model changes its mind: only the service's own tag goes, the owner's stays.
    await service.apply(product.id, {
      annotation: { attributes: { pattern: sure("Floral") }, colors: [{ name: "red", share: 0.7 }] },
      options,
    });
    now = ShopApi.terms(await shop.product(product.id)).tags;
    expect(now.sort()).toEqual(["Floral", "owner-picked", "red"].sort());
  });
});
