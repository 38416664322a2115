/**
 * Folder-indexing throughput: the CLI's batched path over real photos. The indexed shop (data folder,
 * shop "bench") is kept for the measures that follow; the caller removes `dataDir`. Products get the
 * shop's own labels from `labelsOf` when given (catalogue learning is measured on them).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { indexFiles } from "../services/bulk-index.service.js";
import { getModel } from "../services/model.service.js";
import { ShopRegistry } from "../services/shops.service.js";

export async function indexingThroughput(
  files: string[],
  labelsOf: (file: string) => Record<string, string> | undefined = () => undefined,
): Promise<{ images: number; seconds: number; perSecond: number; dataDir: string; ids: string[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-bench-"));
  const model = await getModel();
  const shops = new ShopRegistry(dataDir, async () => model.vectorSpace);
  const shop = await shops.get("bench");
  const t0 = performance.now();
  const items = files.map((f) => ({ id: path.basename(f, path.extname(f)), file: f, labels: labelsOf(f) }));
  const res = await indexFiles(shop, items, () => undefined);
  const seconds = (performance.now() - t0) / 1000;
  shops.closeAll();
  return { images: res.indexed, seconds, perSecond: res.indexed / seconds, dataDir, ids: items.map((i) => i.id) };
}
