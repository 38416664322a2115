/**
 * `npm run tune:neighbours -w service`: chooses the settings of catalogue learning's nearest-product vote
 * (model/neighbour-vote.ts) without touching the test split that `npm run eval` reports on.
 *
 * For fashion-products-224 article types and clothing-cc0 garment types, a shop learns from four fifths of
 * the train split (through `fitLabelHead`, as /v1/learn does) and predicts the other fifth through a real
 * similar-items index. It prints top-1 for the learned head alone and for a grid of vote settings. That
 * fifth's photos were seen by the fine-tuned encoder, so every figure is higher than held out: compare
 * settings with each other, not with `npm run eval`.
 */
import path from "node:path";

import { searchVector } from "../model/features.js";
import type { Head } from "../model/heads.js";
import { predictWithNeighbours, VOTE, type VoteSettings } from "../model/neighbour-vote.js";
import { VectorIndex } from "../repositories/index.repository.js";
import { fitLabelHead } from "../model/label-head.js";
import { loadTuningData, repo } from "./tuning-data.js";
import { servedFeatures } from "../training/extract-features.js";

const { model, examples, table, split } = await loadTuningData();
const vectors = servedFeatures(table, model.transform).map((f) => searchVector(f, model.transform));

const grid: VoteSettings[] = [{ ...VOTE, share: 0 }];
for (const neighbours of [10, 20])
  for (const share of [0.2, 0.35, 0.5])
    for (const minSimilarity of [-1, 0.5, 0.7]) grid.push({ ...VOTE, neighbours, share, minSimilarity });

for (const source of ["fashion-products-224", "clothing-cc0"]) {
  // The labels eval's catalogue learning uses: raw types with enough train photos.
  const rows = examples.map((e, i) => (e.source === source && split[i] === "train" ? i : -1)).filter((i) => i >= 0);
  const counts = new Map<string, number>();
  for (const i of rows) counts.set(examples[i].rawType, (counts.get(examples[i].rawType) ?? 0) + 1);
  const labels = [...counts.keys()].filter((l) => counts.get(l)! >= 14).sort();
  const kept = rows.filter((i) => labels.includes(examples[i].rawType));
  const learn = kept.filter((_, j) => j % 5 !== 0);
  const ask = kept.filter((_, j) => j % 5 === 0);
  const y = (i: number) => labels.indexOf(examples[i].rawType);

  const { final, temperature } = fitLabelHead(
    learn.map((i) => vectors[i]),
    learn.map(y),
    labels.length,
    learn.map(() => 1),
  );
  const head: Head = { field: "type", labels, ...final, scale: 1 / temperature, abstain: 0.5, input: "embedding" };
  const index = VectorIndex.create(path.join(repo, ".unused"), { dim: vectors[0].length, model: "tune" });
  for (const i of learn) index.put(i, vectors[i]);
  const found = new Map(ask.map((i) => [i, index.search(vectors[i], 20)]));
  const tops = ask.map((i) => found.get(i)![0]?.score ?? 0).sort((a, b) => a - b);

  console.log(`\n${source}: learn from ${learn.length}, predict ${ask.length} (${labels.length} labels)`);
  console.log(
    `nearest product's cosine: median ${tops[Math.floor(tops.length / 2)].toFixed(2)}, 5th percentile ${tops[Math.floor(tops.length / 20)].toFixed(2)}`,
  );
  console.log("| neighbours | share | min cosine | top-1 |\n| --- | --- | --- | --- |");
  for (const settings of grid) {
    const hits = ask.filter((i) => {
      const neighbours = found.get(i)!.map((h) => ({ label: labels[y(h.label)], score: h.score }));
      return predictWithNeighbours(head, vectors[i], neighbours, settings).label === labels[y(i)];
    }).length;
    const name = settings.share === 0 ? "| head alone | | |" : `| ${settings.neighbours} | ${settings.share} | ${settings.minSimilarity} |`;
    const shipped = settings === grid[0] || JSON.stringify(settings) !== JSON.stringify(VOTE) ? "" : " (shipped)";
    console.log(`${name} ${(hits / ask.length).toFixed(4)}${shipped} |`);
  }
}
