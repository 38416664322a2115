/** After the model pack changes, old vectors are left out of search and the service says so. */
import fs from "node:fs";

import { afterAll, describe, expect, it } from "vitest";

import { l2normalize } from "../src/model/features.js";
import { similarToProduct } from "../src/services/catalog.service.js";
import { recordFeedback } from "../src/services/feedback.service.js";
import { learnShop } from "../src/services/learn.service.js";
import { ShopRegistry } from "../src/services/shops.service.js";
import { tempDir } from "./helpers.js";

const dataDir = tempDir("kalas-model-change-");
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const vec = (dim: number, seed: number) => l2normalize(Float32Array.from({ length: dim }, (_, i) => Math.sin(seed * 7 + i)));

describe("a changed model pack", () => {
  it("keeps serving: stale products are counted, left out, and can be indexed again", async () => {
    const before = new ShopRegistry(dataDir, async () => ({ dim: 8, model: "old" }));
    const shop = await before.get("s");
    for (let i = 0; i < 5; i++) {
      const row = shop.catalog.upsert({ id: `p${i}`, annotation: {}, vector: vec(8, i), features: vec(8, i) });
      shop.index.put(row.label, vec(8, i));
    }
    before.closeAll();

    const after = new ShopRegistry(dataDir, async () => ({ dim: 4, model: "new" }));
    const reopened = await after.get("s");
    expect(reopened.repair).toMatchObject({ rebuilt: true, stale: 5 });
    expect(reopened.repair.reason).toMatch(/5 products were indexed with another model pack/);
    expect(reopened.index.count).toBe(0);
    expect(() => similarToProduct(reopened, "p1", 3)).toThrow(expect.objectContaining({ status: 409, code: "product_stale" }));

    const row = reopened.catalog.upsert({ id: "p1", annotation: {}, vector: vec(4, 1), features: vec(4, 1) });
    reopened.index.put(row.label, vec(4, 1));
    const row2 = reopened.catalog.upsert({ id: "p2", annotation: {}, vector: vec(4, 2), features: vec(4, 2) });
    reopened.index.put(row2.label, vec(4, 2));
    expect(similarToProduct(reopened, "p1", 3).map((i) => i.id)).toEqual(["p2"]);
    after.closeAll();
  });

  it("tells a new pack with the same vector size from the old one: nothing of the old space is compared", async () => {
    const dir = tempDir("kalas-same-size-");
    const before = new ShopRegistry(dir, async () => ({ dim: 8, model: "v1" }));
    const shop = await before.get("s");
    for (let i = 0; i < 4; i++) {
      const row = shop.catalog.upsert({
        id: `p${i}`,
        annotation: {},
        labels: { type: i % 2 ? "Tees" : "Jeans" },
        vector: vec(8, i),
        features: vec(8, i),
      });
      shop.index.put(row.label, vec(8, i));
    }
    await recordFeedback(shop, { productId: "p1", correction: { category: "Tees" }, original: null, source: "key" });
    shop.touch();
    before.closeAll();

    const after = new ShopRegistry(dir, async () => ({ dim: 8, model: "v2" }));
    const reopened = await after.get("s");
    // The saved index was of the old space: rebuilt, and every old vector left out.
    expect(reopened.repair).toMatchObject({ rebuilt: true, stale: 4 });
    expect(reopened.index.count).toBe(0);
    expect(() => similarToProduct(reopened, "p0", 3)).toThrow(expect.objectContaining({ status: 409, code: "product_stale" }));
    // Learning skips the old space's vectors and corrections rather than mixing them in.
    expect(await learnShop(reopened)).toMatchObject({ fields: {}, corrections: 0 });
    await expect(
      recordFeedback(reopened, { productId: "p2", correction: { category: "Jeans" }, original: null, source: "key" }),
    ).rejects.toMatchObject({
      status: 409,
      code: "product_stale",
    });

    // Indexed again with the new model, the product is searchable and teaches the heads again.
    for (let i = 0; i < 4; i++) {
      const row = reopened.catalog.upsert({ id: `p${i}`, annotation: {}, vector: vec(8, i + 10), features: vec(8, i + 10) });
      reopened.index.put(row.label, vec(8, i + 10));
    }
    expect(similarToProduct(reopened, "p0", 3)).toHaveLength(3);
    expect((await learnShop(reopened)).fields).toHaveProperty("type");
    after.closeAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
