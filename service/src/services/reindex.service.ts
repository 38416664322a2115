/**
 * Brings a shop onto the current model after a model update: every product whose stored vector another
 * pack made is analysed again from the image URL it was indexed with. Products indexed from an uploaded
 * file have no URL to go back to and are reported, so the shop (or `kalas-iris index`) can send them again.
 * A shop whose learned labels came from the old pack's vectors learns them again at the end.
 */
import { log } from "../log.js";
import { upsertProduct } from "./catalog.service.js";
import { learnedFields, learnShop } from "./learn.service.js";
import type { Shop } from "./shops.service.js";

export interface ReindexReport {
  stale: number;
  reindexed: number;
  failed: { id: string; error: string }[];
  /** Products with no stored image URL: send their photo again. */
  without_url: string[];
  /** Whether the shop's learned labels, learned with the old pack, were learned again from the new vectors. */
  learned_again: boolean;
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
    learned_again: false,
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
  // Heads learned on the old pack's vectors predict nothing with the new one: learn them again from
  // the vectors just made, as the shop would otherwise have to ask (API and CLI alike).
  if (report.reindexed > 0 && Object.values(learnedFields(shop)).some((f) => f.stale)) {
    try {
      await learnShop(shop);
      report.learned_again = true;
    } catch (e) {
      log.warn("learning after the reindex failed", { shop: shop.name, error: (e as Error).message });
    }
  }
  return report;
}
