/**
 * Reads the TF.js Keras models that the npm package `nsfwjs` ships inside itself.
 *
 * nsfwjs bundles each model as two UMD scripts: `model.min.js` (Keras topology and a weights
 * manifest) and `group1-shardNofM.min.js` (the weight bytes as base64). Reading them from the
 * installed package is what lets the default pack be built offline, at install time.
 */
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);

export type NsfwjsModelName = "mobilenet_v2" | "inception_v3";

export interface KerasLayer {
  name: string;
  class_name: string;
  config: Record<string, unknown>;
  inbound_nodes: [string, number, number, Record<string, unknown>][][];
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: "float32" | "int32";
  quantization?: { dtype: "uint8" | "uint16" | "float16"; min?: number; scale?: number };
}

export interface TfjsBundle {
  /** The Keras model JSON as TF.js stores it (for loading the original model in tests). */
  topology: object;
  layers: KerasLayer[];
  inputShape: [number, number, number];
  weightSpecs: WeightSpec[];
  weightBytes: Buffer;
  packageVersion: string;
}

interface ModelScript {
  modelTopology: { model_config: { config: { layers: KerasLayer[] } } };
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
}

/** Directory of the installed nsfwjs package. */
export function nsfwjsDir(): string {
  // The package's "exports" hide package.json and the model folders, so walk up from its entry point.
  let dir = path.dirname(require.resolve("nsfwjs"));
  while (!fs.existsSync(path.join(dir, "package.json")) || readPackage(dir).name !== "nsfwjs") {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("nsfwjs is not installed");
    dir = parent;
  }
  return dir;
}

function readPackage(dir: string): { name?: string; version: string } {
  return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version: string };
}

/** Loads topology and raw weight bytes of one bundled nsfwjs model. */
export function loadNsfwjsBundle(model: NsfwjsModelName): TfjsBundle {
  const dir = path.join(nsfwjsDir(), "dist", "models", model);
  const script = require(path.join(dir, "model.min.js")) as ModelScript;
  const layers = script.modelTopology.model_config.config.layers;
  const input = layers.find((l) => l.class_name === "InputLayer");
  const shape = (input?.config.batch_input_shape as number[] | undefined)?.slice(1);
  if (!shape || shape.length !== 3) throw new Error(`nsfwjs ${model}: no 3-d input layer`);

  const weightSpecs: WeightSpec[] = [];
  const chunks: Buffer[] = [];
  for (const group of script.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const shard of group.paths) {
      const base64 = require(path.join(dir, `${shard}.min.js`)) as string;
      chunks.push(Buffer.from(base64, "base64"));
    }
  }
  const pkg = readPackage(nsfwjsDir());
  return {
    topology: script.modelTopology,
    layers,
    inputShape: shape as [number, number, number],
    weightSpecs,
    weightBytes: Buffer.concat(chunks),
    packageVersion: pkg.version,
  };
}
