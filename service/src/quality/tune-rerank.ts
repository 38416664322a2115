/**
 * `npm run tune:rerank -w service`: chooses the similar-items re-ranking weights (model/rerank.ts) for
 * the current default pack, without touching the test split that `npm run eval` reports on.
 *
 * Queries are the fashion-products-224 photos of the calibration slice (every 10th train photo, which
 * neither the fine-tune nor the heads trained on); the catalogue is the rest of the train split. It
 * prints precision@10 (same article type and colour) for a grid of weights and candidate counts.
 * Catalogue labels come from heads that saw those photos, so they are a little more accurate than on a
 * real shop's new products: prefer the smaller weights among near-ties.
 */

import { dot, searchVector } from "../model/features.js";
import { loadTuningData } from "./tuning-data.js";
import { servedFeatures } from "../training/extract-features.js";
import { rerank } from "../model/rerank.js";
import { trainingRoles } from "../training/splits.js";
import { headLabeler } from "./head-labels.js";

const { model, examples, table, split } = await loadTuningData();
const role = trainingRoles(split);
const fp = (r: string) => examples.map((e, i) => (e.source === "fashion-products-224" && role[i] === r ? i : -1)).filter((i) => i >= 0);
const queries = fp("cal");
const catalogue = fp("fit");

const feats = servedFeatures(table, model.transform);
const label = headLabeler(model, feats, table.color);
const items = catalogue.map((i) => ({
  i,
  v: searchVector(feats[i], model.transform),
  category: label("category", i),
  color: label("color", i),
}));
const asked = queries.map((i) => ({
  i,
  v: searchVector(feats[i], model.transform),
  category: label("category", i),
  color: label("color", i),
}));
const ranked = asked.map((q) => items.map((c) => ({ ...c, score: dot(c.v, q.v) })).sort((a, b) => b.score - a.score));

const rows: { candidates: number; category: number; color: number; p10: number }[] = [];
for (const candidates of [40, 100, 200]) {
  for (const category of [0, 0.1, 0.2, 0.3, 0.5]) {
    for (const color of [0, 0.1, 0.2, 0.3, 0.5]) {
      let hits = 0;
      asked.forEach((q, n) => {
        const top = rerank(ranked[n].slice(0, candidates), q, { category, color }).slice(0, 10);
        const e = examples[q.i];
        for (const c of top) if (examples[c.i].rawType === e.rawType && examples[c.i].rawColour === e.rawColour) hits++;
      });
      rows.push({ candidates, category, color, p10: hits / (asked.length * 10) });
    }
  }
}
rows.sort((a, b) => b.p10 - a.p10);
console.log(`${asked.length} queries (calibration slice) against ${items.length} catalogue photos (fit split); best first:`);
console.table(rows.slice(0, 12).map((r) => ({ ...r, p10: Number(r.p10.toFixed(4)) })));
await model.dispose();
