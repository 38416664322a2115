/**
 * Indexes many local images into a shop, in batches: images are decoded in parallel and the
 * encoder runs once per batch, which is what makes folder indexing fast.
 */
import fs from "node:fs/promises";

import { type Analysis, analyzeEach } from "./analyze.service.js";
import { storeProduct } from "./catalog.service.js";
import type { Shop } from "./shops.service.js";
import { unreadableFile } from "./unreadable-file.js";

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
    const analyses = await analyzeFiles(chunk.map((it) => it.file));
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

/**
 * Reads and analyses one batch of files. A file that cannot be read costs only itself, as a decode
 * failure does: a file can vanish between listing a folder and reading it, and a manifest can name
 * one that was never there; either is that row's failure, not the batch's.
 */
export async function analyzeFiles(files: string[]): Promise<(Analysis | Error)[]> {
  const read: (Buffer | Error)[] = await Promise.all(files.map((f) => fs.readFile(f).catch((e: NodeJS.ErrnoException) => readError(e))));
  const readable = read.filter((b): b is Buffer => !(b instanceof Error));
  const analysed = readable.length ? await analyzeEach(readable) : [];
  let next = 0;
  return read.map((b) => (b instanceof Error ? b : analysed[next++]));
}

/** The read error in words, as a report of failed rows shows it; the errno code stays on the error. */
function readError(e: NodeJS.ErrnoException): NodeJS.ErrnoException {
  return Object.assign(new Error(unreadableFile(e) ?? e.message, { cause: e }), { code: e.code });
}
