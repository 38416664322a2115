/**
 * Brings a shop onto the current model after a model update: every product whose stored vector another
 * pack made is analysed again from the image URL it was indexed with. Products indexed from an uploaded
 * file have no URL to go back to and are reported, so the shop (or `kalas-iris index`) can send them again.
 */
import { upsertProduct } from "./catalog.service.js";
import type { Shop } from "./shops.service.js";

export interface ReindexReport {
  stale: number;
  reindexed: number;
  failed: { id: string; error: string }[];
  /** Products with no stored image URL: send their photo again. */
  without_url: string[];
}

/** `stale` defaults to the shop's stale products; a caller that already listed them (for a progress bar) passes them. */
export async function reindexStale(
  shop: Shop,
  onProgress?: (done: number, total: number, failed: boolean) => void,
  stale = shop.catalog.staleProducts(),
): Promise<ReindexReport> {
  const withUrl = stale.filter((p) => p.image_url);
  const report: ReindexReport = {
    stale: stale.length,
    reindexed: 0,
    failed: [],
    without_url: stale.filter((p) => !p.image_url).map((p) => p.id),
  };
  let done = 0;
  for (const p of withUrl) {
    let failed = false;
    try {
      // Only the image is sent again: name, permalink and the shop's labels are kept as stored.
      await upsertProduct(shop, { id: p.id, imageUrl: p.image_url! });
      report.reindexed++;
    } catch (e) {
      failed = true;
      report.failed.push({ id: p.id, error: (e as Error).message });
    }
    onProgress?.(++done, withUrl.length, failed);
  }
  return report;
}
