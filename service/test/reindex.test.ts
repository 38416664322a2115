/** After a model update, `kalas-iris reindex` brings a shop's products onto the new model from their image URLs. */
import fs from "node:fs";

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { l2normalize } from "../src/model/features.js";
import { similarToProduct } from "../src/services/catalog.service.js";
import { configureModel, getModel } from "../src/services/model.service.js";
import { reindexStale } from "../src/services/reindex.service.js";
import { ShopRegistry } from "../src/services/shops.service.js";
import { photoServer, tempDir, testApp } from "./helpers.js";

const dataDir = tempDir("kalas-reindex-");
let base = "";
let photos: Awaited<ReturnType<typeof photoServer>>;
beforeAll(async () => {
  photos = await photoServer();
  base = photos.base;
});
afterAll(() => {
  photos.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("reindex after a model update", () => {
  it("analyses stale products again from their URLs, keeps their labels, and reports what it cannot redo", async () => {
    configureModel("kalas-fashion-mnv2");
    const model = await getModel();
    const { dim } = model.vectorSpace;
    const junk = (seed: number) => l2normalize(Float32Array.from({ length: dim }, (_, i) => Math.cos(seed + i)));

    // The shop as an older pack of the same vector size left it.
    const before = new ShopRegistry(dataDir, async () => ({ dim, model: "older-pack" }));
    const old = await before.get("s");
    const products = [
      { id: "shirt", imageUrl: `${base}/fp-15970.jpg`, labels: { type: "Shirts" } },
      { id: "dress", imageUrl: `${base}/cc0-dress.jpg` },
      { id: "gone", imageUrl: `${base}/missing.jpg` },
      { id: "uploaded" },
    ];
    products.forEach((p, i) => {
      const row = old.catalog.upsert({ ...p, annotation: {}, vector: junk(i), features: junk(i) });
      old.index.put(row.label, junk(i));
    });
    old.catalog.setSetting("allow_private_urls", "true");
    before.closeAll();

    const after = new ShopRegistry(dataDir, async () => model.vectorSpace);
    const shop = await after.get("s");
    expect(shop.repair.stale).toBe(4);
    const ticks: boolean[] = [];
    const report = await reindexStale(shop, (_d, _t, failed) => ticks.push(failed));
    expect(report).toMatchObject({ stale: 4, reindexed: 2, without_url: ["uploaded"] });
    expect(report.failed.map((f) => f.id)).toEqual(["gone"]);
    expect(ticks).toEqual([false, false, true]);

    // Analysed by the current model: a real annotation, searchable, the shop's label kept.
    expect(JSON.parse(shop.catalog.get("dress")!.annotation!).category.label).toBeTruthy();
    expect(JSON.parse(shop.catalog.get("shirt")!.labels!)).toEqual({ type: "Shirts" });
    expect(similarToProduct(shop, "shirt", 5).map((i) => i.id)).toEqual(["dress"]);
    expect(() => similarToProduct(shop, "uploaded", 5)).toThrow(expect.objectContaining({ code: "product_stale" }));
    // Nothing left to do but the products without a URL.
    expect(shop.catalog.staleProducts().map((p) => p.id)).toEqual(["gone", "uploaded"]);
    after.closeAll();
  });

  it("runs over the API in the background: 202 with progress, then the report", async () => {
    const t = await testApp();
    const key = t.key("api-shop");
    const { dim } = (await getModel()).vectorSpace;
    const old = new ShopRegistry(t.dataDir, async () => ({ dim, model: "older-pack" }));
    const shop = await old.get("api-shop");
    const v = l2normalize(Float32Array.from({ length: dim }, (_, i) => Math.sin(i)));
    for (const [id, imageUrl] of [
      ["a", `${base}/fp-15970.jpg`],
      ["b", `${base}/missing.jpg`],
    ]) {
      shop.index.put(shop.catalog.upsert({ id, imageUrl, annotation: {}, vector: v, features: v }).label, v);
    }
    shop.catalog.setSetting("allow_private_urls", "true");
    old.closeAll();

    const auth = { Authorization: `Bearer ${key}` };
    expect((await request(t.app).get("/v1/reindex").set(auth)).body).toMatchObject({ state: "idle", stale_now: 2 });
    const started = await request(t.app).post("/v1/reindex").set(auth).expect(202);
    expect(started.body).toMatchObject({ state: "running", total: 2 });
    // A second start while it runs joins the same run.
    expect((await request(t.app).post("/v1/reindex").set(auth).expect(202)).body.started_at).toBe(started.body.started_at);

    let progress = started.body;
    for (let i = 0; i < 200 && progress.state !== "done"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      progress = (await request(t.app).get("/v1/reindex").set(auth).expect(200)).body;
    }
    expect(progress).toMatchObject({ state: "done", total: 2, done: 2, failed: 1, stale_now: 1 });
    expect(progress.report.failed.map((f: { id: string }) => f.id)).toEqual(["b"]);
    expect((await request(t.app).get("/v1/products/a/similar").set(auth).expect(200)).body.items).toEqual([]);
    t.close();
  });
});
