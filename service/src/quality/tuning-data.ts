/**
 * What the quality commands (eval, tune:rerank, tune:neighbours) start from: the pack named by `--pack`, and
 * the shared datasets' examples with their cached features and splits (`--datasets`, `--cache`).
 */
import path from "node:path";

import { loadModel } from "../model/load-model.js";
import { resolvePackDir } from "../pack/pack.repository.js";
import { datasetsDir, parseFlags, repo } from "../training/flags.js";
import { loadTrainingSet } from "../training/training-set.js";

export { repo };

export async function loadTuningData(argv: string[] = process.argv.slice(2)) {
  const flags = parseFlags(argv);
  const model = await loadModel(resolvePackDir(flags.pack ?? "kalas-fashion-mnv2"));
  const data = await loadTrainingSet(
    datasetsDir(flags.datasets),
    model,
    path.resolve(flags.cache ?? path.join(repo, "service/.cache/features")),
  );
  return { model, ...data };
}
