/** Shared test set-up: a real app (real model, SQLite, HNSW) in a temporary data folder. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import type { AppContext } from "../src/http/context.js";
import { KeysRepository } from "../src/repositories/keys.repository.js";
import { createKey } from "../src/services/keys.service.js";
import { configureModel, getModel } from "../src/services/model.service.js";
import { ShopRegistry } from "../src/services/shops.service.js";

export const PHOTOS = path.join(path.dirname(fileURLToPath(import.meta.url)), "photos");
export const photo = (name: string) => fs.readFileSync(path.join(PHOTOS, name));
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
  const model = await getModel();
  const keys = new KeysRepository(dataDir);
  const ctx: AppContext = {
    config,
    keys,
    shops: new ShopRegistry(dataDir, async () => model.vectorSpace, { pendingWebLearns: config.webFeedbackLearns }),
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
