import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { CatalogRepository } from "../repositories/catalog.repository.js";
import { storeProduct, removeProduct } from "./catalog.service.js";
import { ShopRegistry } from "./shops.service.js";

const DIM = 8;
const space = async () => ({ dim: DIM, model: "test" });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-shops-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** A distinct unit vector per product number. */
function vectorOf(n: number): Float32Array {
  const v = Float32Array.from({ length: DIM }, (_, i) => Math.sin((n + 1) * (i + 1)));
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

function add(shop: Awaited<ReturnType<ShopRegistry["get"]>>, n: number): void {
  const vector = vectorOf(n);
  const annotation = { category: null, attributes: {}, colors: [], model: { name: "test", version: "0" }, timing_ms: 0 };
  storeProduct(shop, { id: `p${n}` }, { annotation, features: vector, vector });
}

describe("opening a shop", () => {
  it("rebuilds an index whose slots are mostly removed products, and keeps every live one searchable", async () => {
    let registry = new ShopRegistry(dataDir, space);
    let shop = await registry.get("churn");
    for (let n = 0; n < 1300; n++) add(shop, n);
    for (let n = 0; n < 1200; n++) removeProduct(shop, `p${n}`);
    expect(shop.index.count).toBe(1300); // removed products keep their slots until a rebuild
    registry.closeAll();

    registry = new ShopRegistry(dataDir, space);
    shop = await registry.get("churn");
    expect(shop.repair.rebuilt).toBe(true);
    expect(shop.repair.reason).toMatch(/1200 of the index's 1300 slots held removed products/);
    expect(shop.index.count).toBe(100);
    for (const n of [1200, 1250, 1299]) expect(shop.index.search(vectorOf(n), 1)[0].label).toBe(shop.catalog.get(`p${n}`)!.label);
    registry.closeAll();

    // Saved compact, it opens without another rebuild.
    registry = new ShopRegistry(dataDir, space);
    shop = await registry.get("churn");
    expect(shop.repair).toMatchObject({ rebuilt: false, replayed: 0, reason: null });
    registry.closeAll();
  });

  it("keeps an index whose removed products are few", async () => {
    let registry = new ShopRegistry(dataDir, space);
    let shop = await registry.get("few");
    for (let n = 0; n < 50; n++) add(shop, n);
    for (let n = 0; n < 40; n++) removeProduct(shop, `p${n}`);
    registry.closeAll();
    registry = new ShopRegistry(dataDir, space);
    shop = await registry.get("few");
    expect(shop.repair.rebuilt).toBe(false);
    expect(shop.index.count).toBe(50);
    registry.closeAll();
  });

  it("names every repair it made: a rebuild for removed products and products of another model", async () => {
    let registry = new ShopRegistry(dataDir, space);
    let shop = await registry.get("both");
    for (let n = 0; n < 1300; n++) add(shop, n);
    for (let n = 0; n < 1200; n++) removeProduct(shop, `p${n}`);
    const dir = shop.catalog.dir;
    registry.closeAll();
    // A product written by another model pack, as after a model update.
    const old = new CatalogRepository(dir, "old-model");
    const v = vectorOf(5000);
    old.upsert({ id: "old", annotation: { category: null, attributes: {}, colors: [] }, vector: v, features: v });
    old.close();

    registry = new ShopRegistry(dataDir, space);
    shop = await registry.get("both");
    expect(shop.repair.stale).toBe(1);
    expect(shop.repair.reason).toMatch(/1200 of the index's 1300 slots held removed products/);
    expect(shop.repair.reason).toMatch(/1 products were indexed with another model pack/);
    registry.closeAll();
  });
});

describe("a shop open in two processes (the service, and the CLI indexing a folder)", () => {
  const found = (shop: Awaited<ReturnType<ShopRegistry["get"]>>, n: number) => {
    shop.sync();
    return shop.index.search(vectorOf(n), 1)[0]?.label === shop.catalog.get(`p${n}`)?.label;
  };

  it.each([
    ["searching before its next write", true],
    ["writing without searching", false],
  ])("finds what the other committed, and never saves an index that claims changes it lacks (%s)", async (_, search) => {
    const name = search ? "shared-searched" : "shared-written";
    const service = new ShopRegistry(dataDir, space);
    const running = await service.get(name);
    add(running, 0);

    // The CLI: its own registry and connection, writes, saves and exits.
    const cli = new ShopRegistry(dataDir, space);
    const other = await cli.get(name);
    for (let n = 1; n <= 30; n++) add(other, n);
    cli.closeAll();

    if (search) expect(found(running, 17)).toBe(true);
    add(running, 31); // the service's next write, then its save
    service.closeAll();

    // Opened afresh, the saved index needs no repair and finds both processes' products.
    const next = new ShopRegistry(dataDir, space);
    const reopened = await next.get(name);
    expect(reopened.repair).toMatchObject({ rebuilt: false, replayed: 0 });
    for (const n of [0, 1, 17, 30, 31]) expect(found(reopened, n), `p${n}`).toBe(true);
    next.closeAll();
  });
});

describe("a commit by another process while the index catches up", () => {
  it("is replayed at the next sync, not counted as caught up", async () => {
    const service = new ShopRegistry(dataDir, space);
    const running = await service.get("racing");
    add(running, 0);
    const cli = async (from: number, to: number) => {
      const other = new ShopRegistry(dataDir, space);
      const shop = await other.get("racing");
      for (let n = from; n <= to; n++) add(shop, n);
      other.closeAll();
    };
    await cli(1, 5);
    // The CLI commits again while the service is replaying its first commit (its own connection).
    const changesSince = running.catalog.changesSince.bind(running.catalog);
    let committed = false;
    running.catalog.changesSince = function* (seq: number) {
      yield* changesSince(seq);
      if (committed) return;
      committed = true;
      const other = new CatalogRepository(path.join(dataDir, "shops", "racing"), "test");
      other.upsert({ id: "p6", annotation: {}, vector: vectorOf(6), features: vectorOf(6) });
      other.close();
    };
    running.sync();
    running.catalog.changesSince = changesSince;
    running.sync();
    expect(running.index.search(vectorOf(6), 1)[0]?.label).toBe(running.catalog.get("p6")!.label);
    service.closeAll();
  });
});
