/**
 * A pack's fine-tuned backbone tail: the last layers of the nsfwjs backbone, retrained on fashion
 * photos, stored next to the manifest as a TF.js-style weights spec (JSON) and its bytes. The encoder
 * is still built from the npm package at install time; only the named tensors are swapped in, so
 * the pack ships about 2 MB instead of a whole model.
 */
import fs from "node:fs";
import path from "node:path";

import { dequantizeWeights, type NamedTensor } from "./dequantize.js";
import type { WeightSpec } from "./tfjs-bundle.repository.js";

export interface BackboneTailFile {
  description: string;
  weightsFile: string;
  weightSpecs: WeightSpec[];
}

/** Reads `<packDir>/<file>` and its weights; a clear error names whatever is missing or wrong. */
export function readBackboneTail(packDir: string, file: string): Map<string, NamedTensor> {
  const specPath = path.join(packDir, file);
  if (!fs.existsSync(specPath)) throw new Error(`${specPath} is missing: the pack's fine-tuned backbone tail is part of the pack`);
  const spec = JSON.parse(fs.readFileSync(specPath, "utf8")) as BackboneTailFile;
  const binPath = path.join(packDir, spec.weightsFile);
  if (!fs.existsSync(binPath)) throw new Error(`${binPath} is missing (named by ${specPath})`);
  return dequantizeWeights(spec.weightSpecs, fs.readFileSync(binPath));
}

/** Replaces backbone weights by the tail's, checking that every tensor exists with the same shape. */
export function applyBackboneTail(weights: Map<string, NamedTensor>, tail: Map<string, NamedTensor>): void {
  for (const [name, t] of tail) {
    const base = weights.get(name);
    if (!base) throw new Error(`backbone tail tensor ${name} is not a weight of the backbone`);
    if (base.shape.join("x") !== t.shape.join("x")) {
      throw new Error(`backbone tail tensor ${name} has shape ${t.shape.join("x")}, the backbone's is ${base.shape.join("x")}`);
    }
    weights.set(name, t);
  }
}

/** Writes tensors as a tail file (float32); the trainer writes its result the same way, in float16. */
export function writeBackboneTail(specPath: string, tensors: Map<string, NamedTensor>, description: string): void {
  const weightsFile = `${path.basename(specPath, ".json")}.bin`;
  const names = [...tensors.keys()].sort();
  const weightSpecs: WeightSpec[] = names.map((name) => ({ name, shape: tensors.get(name)!.shape, dtype: "float32" }));
  const bytes = Buffer.concat(
    names.map((n) => Buffer.from(tensors.get(n)!.data.buffer, tensors.get(n)!.data.byteOffset, tensors.get(n)!.data.byteLength)),
  );
  fs.writeFileSync(path.join(path.dirname(specPath), weightsFile), bytes);
  fs.writeFileSync(specPath, `${JSON.stringify({ description, weightsFile, weightSpecs } satisfies BackboneTailFile, null, 1)}\n`);
}
