/**
 * Indexes many local images into a shop, in batches: images are decoded in parallel and the
 * encoder runs once per batch, which is what makes folder indexing fast.
 */
import fs from "node:fs/promises";

import { analyzeEach } from "./analyze.service.js";
import { storeProduct } from "./catalog.service.js";
import type { Shop } from "./shops.service.js";

export interface BulkItem {
  id: string;
  file: string;
  name?: string;
  labels?: Record<string, string>;
}

export async function indexFiles(
  shop: Shop,
  items: BulkItem[],
  onItem: (item: BulkItem, error: Error | null) => void,
  batch = 16,
): Promise<{ indexed: number; failed: number }> {
  let indexed = 0;
  let failed = 0;
  for (let i = 0; i < items.length; i += batch) {
    const chunk = items.slice(i, i + batch);
    const bytes = await Promise.all(chunk.map((it) => fs.readFile(it.file)));
    const analyses = await analyzeEach(bytes);
    chunk.forEach((it, j) => {
      const a = analyses[j];
      if (a instanceof Error) {
        failed++;
        onItem(it, a);
        return;
      }
      storeProduct(shop, { id: it.id, name: it.name, labels: it.labels }, a);
      indexed++;
      onItem(it, null);
    });
  }
  return { indexed, failed };
}
