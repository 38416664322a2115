/**
 * After a model update, a shop that had learned its own labels keeps answering: heads learned on the
 * old pack's vectors are left out (they used to fail every annotation with a 500, and the reindex
 * too), GET /v1/learn says they are stale, and once the reindex has made new vectors the shop learns
 * again by itself.
 */

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { l2normalize } from "../src/model/features.js";
import { learnShop } from "../src/services/learn.service.js";
import { ShopRegistry } from "../src/services/shops.service.js";
import { photo, photoServer, testApp } from "./helpers.js";

let base = "";
let photos: Awaited<ReturnType<typeof photoServer>>;
beforeAll(async () => {
  photos = await photoServer();
  base = photos.base;
});
afterAll(() => photos.close());

const OLD_DIM = 64;
const PRODUCTS = [
  ["d1", "fp-10365.jpg", "Dresses"],
  ["d2", "fp-11261.jpg", "Dresses"],
  ["d3", "cc0-dress.jpg", "Dresses"],
  ["j1", "fp-16508.jpg", "Jeans"],
  ["j2", "fp-11520.jpg", "Jeans"],
  ["j3", "cc0-pants.jpg", "Jeans"],
] as const;

describe("a shop with learned labels, after the model pack changed", () => {
  it("annotates without its old heads, says they are stale, and learns them again after the reindex", async () => {
    const t = await testApp({ RATE_LIMIT_PER_SECOND: "1000" });
    const auth = { Authorization: `Bearer ${t.key("switched")}` };
    // The shop as an older pack of another vector size left it, with heads learned on those vectors.
    const old = new ShopRegistry(t.dataDir, async () => ({ dim: OLD_DIM, model: "older-pack" }));
    const shop = await old.get("switched");
    PRODUCTS.forEach(([id, file, type], i) => {
      const v = l2normalize(Float32Array.from({ length: OLD_DIM }, (_, j) => Math.cos((type === "Dresses" ? 1 : 2) * j + i * 0.01)));
      shop.index.put(
        shop.catalog.upsert({ id, imageUrl: `${base}/${file}`, labels: { type }, annotation: {}, vector: v, features: v }).label,
        v,
      );
    });
    shop.catalog.setSetting("allow_private_urls", "true");
    await learnShop(shop);
    old.closeAll();

    const annotate = async () =>
      (await request(t.app).post("/v1/annotate").set(auth).set("Content-Type", "image/jpeg").send(photo("fp-14099.jpg")).expect(200)).body;
    const status = async () => (await request(t.app).get("/v1/learn").set(auth).expect(200)).body;
    expect((await annotate()).shop?.type).toBeUndefined();
    expect((await status()).fields.type).toMatchObject({ stale: true });

    await request(t.app).post("/v1/reindex").set(auth).expect(202);
    await expect.poll(async () => (await status()).fields.type?.stale, { timeout: 60_000, interval: 200 }).toBe(false);
    expect((await request(t.app).get("/v1/reindex").set(auth)).body).toMatchObject({ state: "done", failed: 0 });
    expect(["Dresses", "Jeans"]).toContain((await annotate()).shop?.type?.label);
    t.close();
  }, 120_000);
});
