/**
 * Builds a pack's ONNX encoder from the TF.js weights inside the nsfwjs npm package, offline.
 * Runs at install time (the service's postinstall) and, as a fallback, before the first load.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { readManifest } from "../pack/pack.repository.js";
import { dequantizeWeights } from "./dequantize.js";
import { convertKerasToOnnx } from "./keras-to-onnx.js";
import { loadNsfwjsBundle, type NsfwjsModelName } from "./tfjs-bundle.repository.js";

/** Converts one nsfwjs backbone to ONNX bytes. Deterministic: same package, same bytes. */
export function convertNsfwjsBackbone(model: NsfwjsModelName): { onnx: Uint8Array; embeddingDim: number; nsfwjsVersion: string } {
  const bundle = loadNsfwjsBundle(model);
  const weights = dequantizeWeights(bundle.weightSpecs, bundle.weightBytes);
  const doc = `${model} backbone from nsfwjs@${bundle.packageVersion} (MIT), converted by kalas-iris`;
  const converted = convertKerasToOnnx(bundle.layers, weights, doc);
  return { onnx: converted.onnx, embeddingDim: converted.embeddingDim, nsfwjsVersion: bundle.packageVersion };
}

/** Builds the encoder if the pack says how and the file is missing (or `force`). Returns true when built. */
export async function ensureEncoder(packDir: string, force = false): Promise<boolean> {
  const manifest = readManifest(packDir);
  const target = path.join(packDir, manifest.encoder.file);
  if (!manifest.build || (!force && fs.existsSync(target))) return false;
  const { onnx, embeddingDim } = convertNsfwjsBackbone(manifest.build.model);
  if (embeddingDim !== manifest.embeddingDim) {
    throw new Error(
      `${manifest.build.model} gives ${embeddingDim}-d embeddings, but ${packDir}/manifest.json says ${manifest.embeddingDim}`,
    );
  }
  const sha = crypto.createHash("sha256").update(onnx).digest("hex");
  if (manifest.encoder.sha256 && manifest.encoder.sha256 !== sha) {
    throw new Error(
      `the converted ${manifest.build.model} encoder has sha256 ${sha}, manifest.json expects ${manifest.encoder.sha256}: is the installed nsfwjs version different?`,
    );
  }
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, onnx);
  fs.renameSync(tmp, target);
  return true;
}
