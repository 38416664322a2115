/**
 * Catalogue learning time: `POST /v1/learn`'s code path on the shop "bench" of a data folder, and the
 * fitting alone (what grows with the catalogue) on any number of labelled vectors.
 */
import { fitLabelHead } from "../model/label-head.js";
import { learnShop } from "../services/learn.service.js";
import { getModel } from "../services/model.service.js";
import { ShopRegistry } from "../services/shops.service.js";

export async function learningTime(dataDir: string): Promise<{ seconds: number; examples: number; labels: number }> {
  const model = await getModel();
  const shops = new ShopRegistry(dataDir, async () => model.vectorSpace);
  const shop = await shops.get("bench");
  const t0 = performance.now();
  const report = await learnShop(shop);
  const seconds = (performance.now() - t0) / 1000;
  shops.closeAll();
  const category = report.fields.category;
  return { seconds, examples: category?.examples ?? 0, labels: category?.labels ?? 0 };
}

export function learningAt(vectors: Float32Array[], labelOf: (i: number) => string): { seconds: number; labels: number } {
  const labels = [...new Set(vectors.map((_, i) => labelOf(i)))].sort();
  const y = vectors.map((_, i) => labels.indexOf(labelOf(i)));
  const t0 = performance.now();
  fitLabelHead(
    vectors,
    y,
    labels.length,
    y.map(() => 1),
  );
  return { seconds: (performance.now() - t0) / 1000, labels: labels.length };
}
