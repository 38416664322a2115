/**
 * The pack heads' top label for an example of a feature table, as the index stores it with each product
 * (eval and the rerank tuner score retrieval with exactly what the service would have stored).
 */
import { argmax, concatFeatures as concat } from "../model/features.js";
import { probabilities } from "../model/heads.js";
import type { LoadedModel } from "../model/load-model.js";

export function headLabeler(model: LoadedModel, feats: Float32Array[], colors: Float32Array[]) {
  return (field: string, i: number): string | null => {
    const h = model.heads.find((x) => x.field === field);
    return h ? h.labels[argmax(probabilities(h, h.input === "embedding+color" ? concat(feats[i], colors[i]) : feats[i]))] : null;
  };
}
