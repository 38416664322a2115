/**
 * Memory per product as the service holds it: a fresh process loads a saved index, as the service
 * does at start, and reports its RSS growth. Measured in the benchmark's own process, the index
 * reused memory that earlier stages had freed, and the 10k figure came out near zero or negative.
 */
import { VectorIndex } from "../repositories/index.repository.js";

const [dir, dim] = process.argv.slice(2);
global.gc?.();
const before = process.memoryUsage().rss;
const index = VectorIndex.load(dir, { dim: Number(dim), model: "bench" });
if (!index) throw new Error(`no index at ${dir}`);
global.gc?.();
process.stdout.write(JSON.stringify({ bytes: process.memoryUsage().rss - before, count: index.count }) + "\n");
