/**
 * Builds a pack's ONNX encoder from the TF.js weights inside the nsfwjs npm package, offline.
 * Runs at install time (the service's postinstall) and, as a fallback, before the first load.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { fileSha256, readManifest } from "../pack/pack.repository.js";
import { applyBackboneTail, readBackboneTail } from "./backbone-tail.js";
import { dequantizeWeights, type NamedTensor } from "./dequantize.js";
import { convertKerasToOnnx, type ConvertOptions } from "./keras-to-onnx.js";
import { loadNsfwjsBundle, type NsfwjsModelName } from "./tfjs-bundle.repository.js";

/**
 * Converts one nsfwjs backbone to ONNX bytes, with a pack's fine-tuned tail swapped in when given.
 * Deterministic: same package and tail, same bytes.
 */
export function convertNsfwjsBackbone(
  model: NsfwjsModelName,
  options: { tail?: Map<string, NamedTensor> } & ConvertOptions = {},
): { onnx: Uint8Array; embeddingDim: number; nsfwjsVersion: string } {
  const bundle = loadNsfwjsBundle(model);
  const weights = dequantizeWeights(bundle.weightSpecs, bundle.weightBytes);
  if (options.tail) applyBackboneTail(weights, options.tail);
  const tuned = options.tail ? ` with a fine-tuned tail (${options.tail.size} tensors)` : "";
  const doc = `${model} backbone from nsfwjs@${bundle.packageVersion} (MIT)${tuned}, converted by kalas-iris`;
  const converted = convertKerasToOnnx(bundle.layers, weights, doc, { outputLayer: options.outputLayer });
  return { onnx: converted.onnx, embeddingDim: converted.embeddingDim, nsfwjsVersion: bundle.packageVersion };
}

/**
 * Builds the encoder if the pack says how and the file is missing, or is not the one the manifest pins
 * (a pack updated in place, e.g. a new fine-tuned tail after `git pull`), or `force`. Returns true when built.
 * `recordSha` is for training only: after a new fine-tuned tail, store the new checksum instead of checking it.
 */
export async function ensureEncoder(packDir: string, force = false, recordSha = false): Promise<boolean> {
  const manifest = readManifest(packDir);
  const target = path.join(packDir, manifest.encoder.file);
  if (!manifest.build || (!force && upToDate(target, manifest.encoder.sha256))) return false;
  const tail = manifest.build.tail ? readBackboneTail(packDir, manifest.build.tail) : undefined;
  const { onnx, embeddingDim } = convertNsfwjsBackbone(manifest.build.model, { tail });
  if (embeddingDim !== manifest.embeddingDim) {
    throw new Error(
      `${manifest.build.model} gives ${embeddingDim}-d embeddings, but ${packDir}/manifest.json says ${manifest.embeddingDim}`,
    );
  }
  const sha = sha256(onnx);
  if (recordSha) {
    const file = path.join(packDir, "manifest.json");
    const raw = JSON.parse(fs.readFileSync(file, "utf8")) as { encoder: { sha256?: string } };
    raw.encoder.sha256 = sha;
    fs.writeFileSync(file, `${JSON.stringify(raw, null, 2)}\n`);
  } else if (manifest.encoder.sha256 && manifest.encoder.sha256 !== sha) {
    throw new Error(
      `the converted ${manifest.build.model} encoder has sha256 ${sha}, manifest.json expects ${manifest.encoder.sha256}: is the installed nsfwjs version different?`,
    );
  }
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, onnx);
  fs.renameSync(tmp, target);
  return true;
}

function upToDate(file: string, pinned: string | undefined): boolean {
  if (!fs.existsSync(file)) return false;
  return !pinned || fileSha256(file) === pinned;
}

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");
