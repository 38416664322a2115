/** After the model pack changes, old vectors are left out of search and the service says so. */
import fs from "node:fs";

import { afterAll, describe, expect, it } from "vitest";

import { l2normalize } from "../src/model/features.js";
import { similarToProduct } from "../src/services/catalog.service.js";
import { ShopRegistry } from "../src/services/shops.service.js";
import { tempDir } from "./helpers.js";

const dataDir = tempDir("kalas-model-change-");
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const vec = (dim: number, seed: number) => l2normalize(Float32Array.from({ length: dim }, (_, i) => Math.sin(seed * 7 + i)));

describe("a changed model pack", () => {
  it("keeps serving: stale products are counted, left out, and can be indexed again", async () => {
    const before = new ShopRegistry(dataDir, async () => 8);
    const shop = await before.get("s");
    for (let i = 0; i < 5; i++) {
      const row = shop.catalog.upsert({ id: `p${i}`, annotation: {}, vector: vec(8, i), features: vec(8, i) });
      shop.index.put(row.label, vec(8, i));
    }
    before.closeAll();

    const after = new ShopRegistry(dataDir, async () => 4);
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
});
