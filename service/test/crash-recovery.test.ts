/**
 * kill -9 in the middle of indexing loses at most the item in flight; on restart the index and
 * the database agree, and the service says what it repaired.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { CatalogRepository } from "../src/repositories/catalog.repository.js";
import { VectorIndex, type VectorSpace } from "../src/repositories/index.repository.js";
import { configureModel, getModel } from "../src/services/model.service.js";
import { ShopRegistry } from "../src/services/shops.service.js";
import { PHOTOS, tempDir } from "./helpers.js";

const CLI = path.resolve(__dirname, "../bin/kalas-iris.js");
const dataDir = tempDir("kalas-crash-");
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The default pack's vector space, which the shops' indexes hold. */
async function searchSpace(): Promise<VectorSpace> {
  configureModel("kalas-fashion-mnv2");
  return (await getModel()).vectorSpace;
}

describe("crash during indexing", () => {
  it("repairs the index from the database after kill -9", async () => {
    // A folder of many copies, so indexing is surely still running when it is killed.
    const folder = path.join(dataDir, "photos");
    fs.mkdirSync(folder);
    const files = fs.readdirSync(PHOTOS).filter((f) => f.endsWith(".jpg"));
    for (let i = 0; i < 200; i++)
      fs.copyFileSync(path.join(PHOTOS, files[i % files.length]), path.join(folder, `p${String(i).padStart(4, "0")}.jpg`));

    const shopDir = path.join(dataDir, "shops", "crash");
    const env = { ...process.env, DATA_DIR: dataDir, INDEX_SAVE_DELAY_MS: "200" };
    const child = spawn(process.execPath, [CLI, "index", folder, "--shop", "crash"], { env, stdio: "ignore" });
    // Wait until some products are committed, then kill without warning.
    await waitFor(() => fs.existsSync(path.join(shopDir, "index.json")) && countRows(shopDir) > 40, 60_000);
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));

    const committed = countRows(shopDir);
    expect(committed).toBeGreaterThan(40);
    expect(committed).toBeLessThan(200);
    const saved = JSON.parse(fs.readFileSync(path.join(shopDir, "index.json"), "utf8")) as { seq: number };
    const registry = new ShopRegistry(dataDir, searchSpace);
    const shop = await registry.get("crash");
    // Everything the database committed is searchable again; the repair was reported.
    expect(shop.index.count).toBe(shop.catalog.count());
    // Exactly the commits made after the last index save are replayed (none if it was saved last).
    expect(shop.repair.replayed).toBe(committed - saved.seq);
    for (const id of ["p0000", `p${String(committed - 1).padStart(4, "0")}`]) {
      // Photos repeat in the folder, so look the product's own point up rather than its nearest.
      const label = shop.catalog.get(id)!.label;
      const hit = shop.index.search(shop.catalog.vectorOf(id)!.vector, 1, (l) => l === label)[0];
      expect(hit?.label).toBe(label);
      expect(hit.score).toBeGreaterThan(0.999);
    }
    registry.closeAll();

    // And indexing simply carries on from there.
    const rerun = spawnSync(process.execPath, [CLI, "index", folder, "--shop", "crash"], { env, encoding: "utf8" });
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toMatch(/now holds 200 products/);
  }, 180_000);

  it("rebuilds an index file that is corrupt", async () => {
    const dir = path.join(dataDir, "shops", "crash");
    fs.writeFileSync(path.join(dir, "index.hnsw"), "garbage");
    expect(VectorIndex.load(dir, await searchSpace())).toBeNull();
    const registry = new ShopRegistry(dataDir, searchSpace);
    const shop = await registry.get("crash");
    expect(shop.repair.rebuilt).toBe(true);
    expect(shop.index.count).toBe(200);
    registry.closeAll();
  });
});

function countRows(shopDir: string): number {
  if (!fs.existsSync(path.join(shopDir, "catalog.sqlite"))) return 0;
  const c = new CatalogRepository(shopDir, "count-only");
  try {
    return c.count();
  } finally {
    c.close();
  }
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}
