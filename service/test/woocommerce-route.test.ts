/**
 * The write-back routes, wired to a replay of the recorded WooCommerce 9.9.5 (the write-back
 * rules themselves are tested in src/woocommerce).
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadExchange } from "../src/woocommerce/testing/exchange.js";
import { startReplayServer, type ReplayServer } from "../src/woocommerce/testing/replay-server.js";
import { testApp } from "./helpers.js";

let t: Awaited<ReturnType<typeof testApp>>;
let key: string;
let shop: ReplayServer;
const auth = () => ({ Authorization: `Bearer ${key}` });
const annotation = {
  category: { label: "Shirts", score: 0.9, confident: true },
  attributes: {},
  colors: [{ name: "red", hex: "#c62828", share: 0.8 }],
};

beforeAll(async () => {
  t = await testApp();
  key = t.key("woo");
  // The replayed WooCommerce runs on 127.0.0.1, a private address the shop must allow.
  (await t.ctx.shops.get("woo")).catalog.setSetting("allow_private_urls", "true");
  shop = await startReplayServer([loadExchange("032-read-product-by-id"), loadExchange("072-error-404-product")]);
});
afterAll(async () => {
  await shop.close();
  t.close();
});

describe("WooCommerce write-back routes", () => {
  it("refuses to write back before the shop connected", async () => {
    const res = await request(t.app).post("/v1/products/33/apply").set(auth()).send({ annotation });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("woocommerce_not_connected");
  });

  it("validates and stores the credentials", async () => {
    expect((await request(t.app).put("/v1/shop/woocommerce").set(auth()).send({ url: "not a url" })).status).toBe(400);
    await request(t.app)
      .put("/v1/shop/woocommerce")
      .set(auth())
      .send({ url: shop.url, consumer_key: "ck_x", consumer_secret: "cs_x" })
      .expect(200);
    expect((await request(t.app).get("/v1/shop/woocommerce").set(auth())).body).toEqual({ connected: true, url: shop.url });
  });

  it("answers 404 for a product WooCommerce does not have", async () => {
    const res = await request(t.app).post("/v1/products/999999/apply").set(auth()).send({ annotation });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("woocommerce_not_found");
  });

  it("reads the product and sends every existing tag back with the new one", async () => {
    await request(t.app)
      .post("/v1/products/33/apply")
      .set(auth())
      .send({ annotation, options: { tagFields: ["color"], attributeFields: [], setCategory: false } });
    const existing = (loadExchange("032-read-product-by-id").response.body as { tags: { id: number }[] }).tags.map((tag) => ({
      id: tag.id,
    }));
    const put = shop.seen.find((s) => s.method === "PUT" && s.path === "/wp-json/wc/v3/products/33");
    expect(put, "a PUT of product 33").toBeDefined();
    const tags = (put!.body as { tags: object[] }).tags;
    expect(tags).toEqual(expect.arrayContaining(existing));
    expect(tags.filter((tag) => "name" in tag).map((tag) => (tag as { name: string }).name.toLowerCase())).toEqual(["red"]);
  });
});
