/**
 * The shared datasets as training and evaluation read them: examples in the default taxonomy,
 * their cached encoder features (extracted with a progress bar on first use), and the split.
 */
import { progressBar } from "../cli/progress.js";
import type { LoadedModel } from "../model/load-model.js";
import { loadDatasets, type Example } from "./datasets.js";
import { extractFeatures, type FeatureTable } from "./extract-features.js";
import { splitExamples } from "./splits.js";

export interface TrainingSet {
  examples: Example[];
  unmapped: Record<string, Record<string, number>>;
  table: FeatureTable;
  split: ("train" | "test")[];
}

export async function loadTrainingSet(datasets: string, model: LoadedModel, cacheDir: string): Promise<TrainingSet> {
  const { examples, unmapped } = loadDatasets(datasets);
  const bar = progressBar(examples.length, "features");
  let ticked = 0;
  const table = await extractFeatures(
    model,
    examples.map((e) => e.file),
    cacheDir,
    (done) => {
      for (; ticked < done; ticked++) bar.tick();
    },
  );
  bar.stop();
  return { examples, unmapped, table, split: splitExamples(examples) };
}
