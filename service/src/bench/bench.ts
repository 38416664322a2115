/**
 * `npm run bench`: measures the service on this machine and prints one table. The README's
 * performance figures are copied from this output, never written by hand.
 *
 * Uses ../shared/datasets (or --datasets <dir>) for real photos; without it, the test photos.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { imageFiles } from "../cli/files.js";
import { replaceReadmeBlock } from "../cli/readme-block.js";
import { analyzeImages } from "../services/analyze.service.js";
import { getModel } from "../services/model.service.js";
import { annotateLatency } from "./annotate-latency.bench.js";
import { indexingThroughput } from "./indexing.bench.js";
import { searchBench, syntheticVectors } from "./search.bench.js";
import { similarLatency } from "./similar-latency.bench.js";
import { printTable } from "./stats.js";
import { learningAt, learningTime } from "./learning.bench.js";
import { loadDatasets } from "../training/datasets.js";
import { datasetsDir } from "../training/flags.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const datasets = datasetsDir(args.includes("--datasets") ? args[args.indexOf("--datasets") + 1] : undefined);
const folder = path.join(datasets, "fashion-products-224", "images");
const haveData = fs.existsSync(folder);
const files = haveData ? imageFiles([folder]).slice(0, 3000) : imageFiles([path.join(here, "../../test/photos")]);
const log = (m: string) => process.stderr.write(`${m}\n`);

log(`photos: ${haveData ? folder : "test photos (../shared/datasets not found)"}`);
const model = await getModel();
log(`pack: ${model.manifest.name}@${model.manifest.version}`);

log("annotate latency (HTTP, 800 px JPEG)…");
const lat = await annotateLatency(fs.readFileSync(files[0]));
log("folder indexing…");
const typeOf = haveData ? articleTypes(datasets) : new Map<string, string>();
const idx = await indexingThroughput(files, (f) => {
  const type = typeOf.get(path.resolve(f));
  return type ? { category: type } : undefined;
});
log("similar items over HTTP on the indexed photos…");
const sim = await similarLatency(idx.dataDir, idx.ids);
log("catalogue learning on the indexed photos' article types…");
const learned = await learningTime(idx.dataDir);
log("annotate latency in the shop that learned its labels…");
const latShop = await annotateLatency(fs.readFileSync(files[0]), { dataDir: idx.dataDir });
fs.rmSync(idx.dataDir, { recursive: true, force: true });

log("search vectors from real photos…");
const seeds: Float32Array[] = [];
for (let i = 0; i < Math.min(files.length, 2000); i += 32)
  seeds.push(...(await analyzeImages(files.slice(i, i + 32).map((f) => fs.readFileSync(f)))).map((a) => a.vector));
const queries = syntheticVectors(seeds, 200, 0.35, 99);
const rows: [string, string, string, string][] = [
  ["annotate p50 (HTTP, 800 px JPEG)", `${lat.p50.toFixed(1)} ms`, "≤ 30 ms", ok(lat.p50 <= 30)],
  ["annotate p99", `${lat.p99.toFixed(1)} ms`, "", ""],
  ["folder indexing", `${idx.perSecond.toFixed(1)} images/s (${idx.images} images)`, "≥ 40 images/s", ok(idx.perSecond >= 40)],
  [`catalogue learning (${learned.examples} labelled products, ${learned.labels} labels)`, `${learned.seconds.toFixed(1)} s`, "", ""],
  ["annotate p50, in a shop with learned labels", `${latShop.p50.toFixed(1)} ms`, "≤ 30 ms", ok(latShop.p50 <= 30)],
  [`similar items p50 (HTTP, ${sim.products} products, k=8)`, `${sim.p50.toFixed(2)} ms`, "", ""],
  ["similar items p99", `${sim.p99.toFixed(2)} ms`, "", ""],
];
if (haveData) {
  // 10,000 labelled products: synthetic search vectors around the real ones, each with its seed photo's article type.
  log("catalogue learning at 10k…");
  const seedTypes = files.slice(0, seeds.length).map((f) => typeOf.get(path.resolve(f)) ?? "unknown");
  const r = learningAt(syntheticVectors(seeds, 10_000, 0.35, 5), (i) => seedTypes[i % seeds.length]);
  rows.push([`catalogue learning @ 10k (${r.labels} labels, synthetic vectors)`, `${r.seconds.toFixed(1)} s`, "", ""]);
}
for (const n of [10_000, 100_000]) {
  log(`HNSW at ${n}…`);
  const r = searchBench(syntheticVectors(seeds, n), queries);
  rows.push(
    [
      `query p50 @ ${n / 1000}k (${seeds[0].length}-d)`,
      `${r.p50.toFixed(3)} ms`,
      n === 100_000 ? "≤ 2 ms" : "",
      n === 100_000 ? ok(r.p50 <= 2) : "",
    ],
    [`query p99 @ ${n / 1000}k`, `${r.p99.toFixed(3)} ms`, "", ""],
    [
      `recall@10 vs exact @ ${n / 1000}k`,
      r.recallAt10.toFixed(4),
      n === 100_000 ? "≥ 0.98" : "",
      n === 100_000 ? ok(r.recallAt10 >= 0.98) : "",
    ],
    [
      `memory per product @ ${n / 1000}k (RSS, index loaded)`,
      `${(r.bytesPerProduct / 1024).toFixed(2)} KB`,
      n === 100_000 ? "≤ 3 KB" : "",
      n === 100_000 ? ok(r.bytesPerProduct <= 3072) : "",
    ],
    [`index file per product @ ${n / 1000}k`, `${(r.fileBytesPerProduct / 1024).toFixed(2)} KB`, "", ""],
    [`index build @ ${n / 1000}k`, `${r.buildSeconds.toFixed(1)} s`, "", ""],
  );
}
const heading = `Kalas Iris benchmark — ${new Date().toISOString().slice(0, 10)}, ${model.manifest.name}@${model.manifest.version}, node ${process.version}, ${os.cpus().length} cores`;
const table = printTable(rows);
console.log(`\n${heading}\n\n${table}`);
log(
  (await replaceReadmeBlock(path.join(here, "../../../README.md"), "bench:table", `${heading}:\n\n${table}`))
    ? "copied the table into README.md"
    : "README.md has no bench:table markers: its performance table was not updated",
);

/** fashion-products-224 photo file → its article type, as a shop's own category would be. */
function articleTypes(root: string): Map<string, string> {
  const { examples } = loadDatasets(root);
  return new Map(examples.filter((e) => e.source === "fashion-products-224").map((e) => [path.resolve(e.file), e.rawType]));
}

function ok(b: boolean): string {
  return b ? "yes" : "NO";
}
