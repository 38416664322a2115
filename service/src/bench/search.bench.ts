/**
 * Similar-query latency and recall@10 against exact search, and memory per product, at 10k and
 * 100k products. Real search vectors are too few for 100k, so synthetic ones are drawn around
 * real ones (each a real vector plus noise), which keeps the clustered shape of real catalogues.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { l2normalize } from "../model/features.js";
import { mulberry32 } from "../model/softmax-regression.js";
import { RERANK_CANDIDATES } from "../model/rerank.js";
import { VectorIndex } from "../repositories/index.repository.js";
import { percentile } from "./stats.js";

export interface SearchResult {
  n: number;
  buildSeconds: number;
  p50: number;
  p99: number;
  recallAt10: number;
  bytesPerProduct: number;
  fileBytesPerProduct: number;
}

export function syntheticVectors(seeds: Float32Array[], n: number, noise = 0.35, seed = 1): Float32Array[] {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const dim = seeds[0].length;
  return Array.from({ length: n }, (_, i) => {
    const base = seeds[i % seeds.length];
    const v = new Float32Array(dim);
    for (let d = 0; d < dim; d++) v[d] = base[d] + (noise / Math.sqrt(dim)) * gauss();
    return l2normalize(v);
  });
}

export function searchBench(vectors: Float32Array[], queries: Float32Array[]): SearchResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-bench-"));
  const index = VectorIndex.create(dir, { dim: vectors[0].length, model: "bench" });
  const t0 = performance.now();
  vectors.forEach((v, i) => index.put(i, v));
  const buildSeconds = (performance.now() - t0) / 1000;
  const times: number[] = [];
  let found = 0;
  for (const q of queries) {
    const t = performance.now();
    // As served: the similar routes fetch RERANK_CANDIDATES neighbours and re-rank them.
    const hits = index.search(q, RERANK_CANDIDATES).slice(0, 10);
    times.push(performance.now() - t);
    const truth = exactTop10(vectors, q);
    found += hits.filter((h) => truth.has(h.label)).length;
  }
  index.save(0);
  const fileBytesPerProduct = fs.statSync(path.join(dir, "index.hnsw")).size / vectors.length;
  const bytesPerProduct = loadedBytes(dir, vectors[0].length) / vectors.length;
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    n: vectors.length,
    buildSeconds,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    recallAt10: found / (queries.length * 10),
    bytesPerProduct,
    fileBytesPerProduct,
  };
}

/** RSS growth of a fresh process that loads the saved index (search-child.ts). */
function loadedBytes(dir: string, dim: number): number {
  const child = path.join(path.dirname(fileURLToPath(import.meta.url)), "search-child.ts");
  const out = execFileSync(process.execPath, [...process.execArgv, child, dir, String(dim)], { encoding: "utf8" });
  return (JSON.parse(out) as { bytes: number }).bytes;
}

function exactTop10(vectors: Float32Array[], q: Float32Array): Set<number> {
  const scores = vectors.map((v, i) => {
    let s = 0;
    for (let d = 0; d < q.length; d++) s += v[d] * q[d];
    return [s, i] as const;
  });
  scores.sort((a, b) => b[0] - a[0]);
  return new Set(scores.slice(0, 10).map(([, i]) => i));
}
