/**
 * Runs the runtime's own preprocessing and encoder over every training image once and caches
 * raw embeddings (of the photo and of its mirror image) and colour features, so training runs in
 * seconds after the first pass.
 */
import fs from "node:fs";
import path from "node:path";

import { COLOR_FEATURE_DIM, colorFeatures } from "../colors/color-features.js";
import { garmentPixels } from "../colors/garment-mask.js";
import { type FeatureTransform, prepareFeatures, prepareViews } from "../model/features.js";
import type { LoadedModel } from "../model/load-model.js";
import { mirror as mirrored } from "../model/pixels.js";
import { decodeForModel } from "../repositories/image.repository.js";

export interface FeatureTable {
  files: string[];
  dim: number;
  raw: Float32Array[];
  /** Raw embeddings of the mirror images: a second training view, and the pack's test-time augmentation. */
  mirror: Float32Array[];
  color: Float32Array[];
}

export async function extractFeatures(
  model: LoadedModel,
  files: string[],
  cacheDir: string,
  onProgress: (done: number, total: number) => void,
): Promise<FeatureTable> {
  const dim = model.manifest.embeddingDim;
  const base = path.join(cacheDir, `${model.manifest.name}-${model.manifest.encoder.sha256?.slice(0, 12) ?? "dev"}`);
  const cached = readCache(base, dim);
  const have = new Map(cached?.files.map((f, i) => [f, i]) ?? []);
  const table: FeatureTable = { files, dim, raw: [], mirror: [], color: [] };
  const todo = files.filter((f) => !have.has(f));
  const fresh = new Map<string, [Float32Array, Float32Array, Float32Array]>();
  for (let i = 0; i < todo.length; i += 16) {
    const chunk = todo.slice(i, i + 16);
    const decoded = await Promise.all(chunk.map((f) => decodeForModel(fs.readFileSync(f), model.manifest.encoder)));
    const emb = await model.embed(decoded.flatMap((d) => [d.model, mirrored(d.model)]));
    chunk.forEach((f, j) => fresh.set(f, [emb[2 * j], emb[2 * j + 1], colorFeatures(decoded[j].color, garmentPixels(decoded[j].color))]));
    onProgress(Math.min(i + 16, todo.length), todo.length);
  }
  for (const f of files) {
    const c = have.get(f);
    const [r, m, h] = c !== undefined ? [cached!.raw[c], cached!.mirror[c], cached!.color[c]] : fresh.get(f)!;
    table.raw.push(r);
    table.mirror.push(m);
    table.color.push(h);
  }
  if (todo.length) writeCache(base, table);
  return table;
}

function writeCache(base: string, t: FeatureTable): void {
  fs.mkdirSync(path.dirname(base), { recursive: true });
  fs.writeFileSync(`${base}-files.json`, JSON.stringify(t.files));
  const bytes = (rows: Float32Array[]) => Buffer.concat(rows.map((r) => Buffer.from(r.buffer, r.byteOffset, r.byteLength)));
  fs.writeFileSync(`${base}-raw.f32`, bytes(t.raw));
  fs.writeFileSync(`${base}-mirror.f32`, bytes(t.mirror));
  fs.writeFileSync(`${base}-color.f32`, bytes(t.color));
}

function readCache(base: string, dim: number): FeatureTable | null {
  // A cache from before mirror views were kept is extracted again.
  if (!fs.existsSync(`${base}-files.json`) || !fs.existsSync(`${base}-mirror.f32`)) return null;
  const files = JSON.parse(fs.readFileSync(`${base}-files.json`, "utf8")) as string[];
  const floats = (suffix: string) => {
    const buf = fs.readFileSync(`${base}-${suffix}.f32`);
    return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  };
  const [all, mirrors, cols] = [floats("raw"), floats("mirror"), floats("color")];
  const cdim = cols.length / files.length;
  if (cdim !== COLOR_FEATURE_DIM) return null; // written with another colour descriptor: extract again
  const rows = (a: Float32Array, d: number) => files.map((_, i) => a.subarray(i * d, (i + 1) * d));
  return { files, dim, raw: rows(all, dim), mirror: rows(mirrors, dim), color: rows(cols, cdim) };
}

/** Every row's features as the service computes them for a pack: with its mirror image when the pack says so. */
export function servedFeatures(table: FeatureTable, t: FeatureTransform): Float32Array[] {
  return table.raw.map((r, i) => (t.mirror ? prepareViews([r, table.mirror[i]], t) : prepareFeatures(r, t)));
}
