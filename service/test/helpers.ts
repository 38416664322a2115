/** Shared test set-up: a real app (real model, SQLite, HNSW) in a temporary data folder. */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Database from "better-sqlite3";
import sharp from "sharp";
import request from "supertest";

import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import type { AppContext } from "../src/http/context.js";
import { KeysRepository } from "../src/repositories/keys.repository.js";
import { mulberry32 } from "../src/model/softmax-regression.js";
import { createKey } from "../src/services/keys.service.js";
import { configureModel, getModel } from "../src/services/model.service.js";
import { openShops } from "../src/services/open-shops.js";
import { configureRelearn } from "../src/services/relearn.service.js";
import type { Shop } from "../src/services/shops.service.js";

export const PHOTOS = path.join(path.dirname(fileURLToPath(import.meta.url)), "photos");
export const photo = (name: string) => fs.readFileSync(path.join(PHOTOS, name));

/** A PNG whose header reads but whose pixel data is damaged: the decoder, not the header check, refuses it. */
export async function damagedPng(): Promise<Buffer> {
  const png = Buffer.from(await sharp(photo("cc0-dress.jpg")).resize(64, 64).png().toBuffer());
  for (let i = 0; i < 16; i++) png[Math.floor(png.length / 2) + i] ^= 0xff;
  return png;
}
/** fixture photos by their dataset labels */
export const photosCsv = () =>
  fs
    .readFileSync(path.join(PHOTOS, "photos.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => {
      const [file, source, type, colour] = l.split(",");
      return { file, source, type, colour };
    });

export function tempDir(prefix = "kalas-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function testApp(env: Record<string, string> = {}) {
  const dataDir = tempDir();
  const config = { ...readConfig({ ...process.env, ...env }), dataDir };
  configureModel(config.pack);
  configureRelearn(config.learnAfterCorrectionsSeconds);
  const model = await getModel();
  const keys = new KeysRepository(dataDir);
  const ctx: AppContext = {
    config,
    keys,
    shops: openShops(config, async () => model.vectorSpace),
  };
  const app = createApp(ctx);
  return {
    app,
    ctx,
    dataDir,
    key: (shop: string) => createKey(keys, shop),
    close() {
      ctx.shops.closeAll();
      keys.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Fills a shop with labelled products made of synthetic vectors, to learn without photos: each label
 * a random direction, each product near its own label's, products taking the labels in turn.
 */
export async function seedLabelledShop(shop: Shop, o: { products: number; labels: string[]; seed: number }): Promise<void> {
  const { vectorSpace, manifest } = await getModel();
  const random = mulberry32(o.seed);
  const noise = (n: number) => Float32Array.from({ length: n }, () => random() - 0.5);
  const centres = o.labels.map(() => noise(vectorSpace.dim));
  for (let i = 0; i < o.products; i++) {
    const k = i % o.labels.length;
    shop.catalog.upsert({
      id: `p${i}`,
      annotation: {},
      labels: { category: o.labels[k] },
      vector: centres[k].map((c) => c + (random() - 0.5) * 0.8),
      features: noise(manifest.embeddingDim),
    });
  }
}

/**
 * A test service with one shop of labelled synthetic products ("Shirts", "Dresses") that relearns
 * `delaySeconds` after its corrections change, and a reader of its GET /v1/learn.
 */
export async function relearningShop(name: string, o: { products: number; seed: number; delaySeconds: number }) {
  const t = await testApp({ RATE_LIMIT_PER_SECOND: "1000", LEARN_AFTER_CORRECTIONS_SECONDS: String(o.delaySeconds) });
  const auth = { Authorization: `Bearer ${t.key(name)}` };
  const shop = await t.ctx.shops.get(name);
  await seedLabelledShop(shop, { products: o.products, labels: ["Shirts", "Dresses"], seed: o.seed });
  const status = async () => (await request(t.app).get("/v1/learn").set(auth).expect(200)).body;
  return { t, auth, shop, status };
}

/**
 * Serves the fixture photos over HTTP (http://127.0.0.1:<port>/<name>), as a shop's image URLs;
 * anything else is a 404. Close it when done.
 */
export async function photoServer(): Promise<{ base: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const name = req.url!.slice(1);
    if (!/^(fp|cc0)-[a-z0-9-]+\.jpg$/.test(name)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "image/jpeg" }).end(photo(name));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** Another process (a review made with the CLI) leaves a pending relearn in a shop's database; answers when. */
export function markerFromElsewhere(dataDir: string, shop: string): number {
  const other = new Database(path.join(dataDir, "shops", shop, "catalog.sqlite"));
  const now = Date.now();
  other
    .prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('relearn_pending', ?)")
    .run(JSON.stringify({ first: now, last: now }));
  other.close();
  return now;
}
