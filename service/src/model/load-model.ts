/**
 * Loads a model pack into memory: opens the encoder, reads the feature transform and builds
 * the heads. Every file is checked, so a broken pack fails at start with one clear sentence.
 */
import crypto from "node:crypto";

import { COLOR_FEATURE_DIM } from "../colors/color-features.js";
import { AppError } from "../errors.js";
import type { PackManifest } from "../pack/manifest.js";
import { fileSha256, packFile, readFloat32, readManifest } from "../pack/pack.repository.js";
import type { PixelGrid } from "../repositories/image.repository.js";
import type { VectorSpace } from "../repositories/index.repository.js";
import { openOnnxModel, type OnnxModel } from "../repositories/onnx.repository.js";
import type { FeatureTransform } from "./features.js";
import { abstainOf, type Head } from "./heads.js";
import { toEncoderTensor } from "./pixels.js";
import { buildTextHeads } from "./text-heads.js";

export interface LoadedModel {
  manifest: PackManifest;
  packDir: string;
  transform: FeatureTransform;
  heads: Head[];
  /** The size of its search vectors and a fingerprint of everything that makes them (shops compare it). */
  vectorSpace: VectorSpace;
  /** Raw encoder embeddings for a batch of images already resized to the encoder's size. */
  embed(grids: PixelGrid[]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

/**
 * `heads: false` opens the encoder and feature transform only: what training needs, since the heads are
 * what it is about to replace (and may have been written for other colour features).
 */
export async function loadModel(packDir: string, opts: { heads?: boolean } = {}): Promise<LoadedModel> {
  const manifest = readManifest(packDir);
  const encoderFile = packFile(packDir, manifest.encoder.file);
  const encoderSha = fileSha256(encoderFile);
  if (manifest.encoder.sha256) {
    if (encoderSha !== manifest.encoder.sha256) {
      throw new AppError(
        500,
        "invalid_pack",
        `Model pack at ${packDir}: ${manifest.encoder.file} does not match its sha256 in manifest.json (rebuild with "kalas-iris model build").`,
      );
    }
  }
  let encoder: OnnxModel;
  try {
    encoder = await openOnnxModel(encoderFile);
  } catch (e) {
    throw new AppError(
      500,
      "invalid_pack",
      `Model pack at ${packDir}: ${manifest.encoder.file} is not a valid ONNX model (${(e as Error).message.split("\n")[0]}).`,
    );
  }
  if (!encoder.inputNames.includes(manifest.encoder.input) || !encoder.outputNames.includes(manifest.encoder.output)) {
    await encoder.dispose();
    throw new AppError(
      500,
      "invalid_pack",
      `Model pack at ${packDir}: the encoder has inputs [${encoder.inputNames}] and outputs [${encoder.outputNames}], but manifest.json names "${manifest.encoder.input}" and "${manifest.encoder.output}".`,
    );
  }
  const dim = manifest.embeddingDim;
  const f = manifest.features;
  const transform: FeatureTransform = {
    sqrt: f.sqrt,
    mean: f.mean ? readFloat32(packDir, f.mean, dim) : undefined,
    projection: f.projection ? readFloat32(packDir, f.projection, dim * (f.searchDim ?? 0)) : undefined,
    outDim: f.projection ? f.searchDim : undefined,
    mirror: f.mirror === true,
  };

  const heads: Head[] = [];
  const specs = opts.heads === false ? [] : manifest.heads;
  for (const spec of specs.filter((h) => h.kind === "linear")) {
    const inDim = dim + (spec.input === "embedding+color" ? COLOR_FEATURE_DIM : 0);
    const n = spec.labels.length;
    const all = readFloat32(packDir, spec.file!, n * inDim + n);
    heads.push({
      field: spec.field,
      labels: spec.labels,
      weights: all.subarray(0, n * inDim),
      bias: all.subarray(n * inDim),
      scale: 1 / (spec.temperature ?? 1),
      abstain: abstainOf(spec),
      ...(spec.applies_to ? { appliesTo: spec.applies_to } : {}),
      input: spec.input ?? "embedding",
    });
  }
  const textSpecs = specs.filter((h) => h.kind === "text");
  if (textSpecs.length) heads.push(...(await buildTextHeads(packDir, manifest.text!, textSpecs, dim)));

  const { mean, std, output, input } = manifest.encoder;
  return {
    manifest,
    packDir,
    transform,
    heads,
    vectorSpace: { dim: transform.outDim ?? dim, model: fingerprint(encoderSha, transform) },
    async embed(grids) {
      const tensor = toEncoderTensor(grids, mean, std);
      const out = (await encoder.run({ [input]: tensor }))[output];
      const d = out.dims[out.dims.length - 1];
      if (d !== dim)
        throw new AppError(500, "invalid_pack", `Model pack at ${packDir}: encoder gives ${d}-d embeddings, manifest says ${dim}.`);
      return grids.map((_, i) => out.data.slice(i * dim, (i + 1) * dim));
    },
    dispose: () => encoder.dispose(),
  };
}

/**
 * Identifies the search vectors a pack makes: the encoder's bytes, the feature mean and the projection.
 * Stored with every shop vector, so vectors of an older pack are never compared with this one's.
 */
function fingerprint(encoderSha: string, t: FeatureTransform): string {
  const h = crypto
    .createHash("sha256")
    .update(encoderSha)
    .update(t.sqrt ? "sqrt" : "raw")
    .update(t.mirror ? "mirror" : "photo");
  for (const part of [t.mean, t.projection]) h.update(part ? new Uint8Array(part.buffer, part.byteOffset, part.byteLength) : "none");
  return h.digest("hex").slice(0, 16);
}
