/**
 * Runs the runtime's own preprocessing and encoder over every training image once and caches
 * raw embeddings and colour features, so training runs in seconds after the first pass.
 */
import fs from "node:fs";
import path from "node:path";

import { COLOR_FEATURE_DIM, colorFeatures } from "../colors/color-features.js";
import { garmentPixels } from "../colors/garment-mask.js";
import type { LoadedModel } from "../model/load-model.js";
import { decodeForModel } from "../repositories/image.repository.js";

export interface FeatureTable {
  files: string[];
  dim: number;
  raw: Float32Array[];
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
  const raw: Float32Array[] = [];
  const color: Float32Array[] = [];
  const todo = files.filter((f) => !have.has(f));
  const fresh = new Map<string, [Float32Array, Float32Array]>();
  for (let i = 0; i < todo.length; i += 16) {
    const chunk = todo.slice(i, i + 16);
    const decoded = await Promise.all(chunk.map((f) => decodeForModel(fs.readFileSync(f), model.manifest.encoder)));
    const emb = await model.embed(decoded.map((d) => d.model));
    chunk.forEach((f, j) => fresh.set(f, [emb[j], colorFeatures(decoded[j].color, garmentPixels(decoded[j].color))]));
    onProgress(Math.min(i + 16, todo.length), todo.length);
  }
  for (const f of files) {
    const c = have.get(f);
    if (c !== undefined) {
      raw.push(cached!.raw[c]);
      color.push(cached!.color[c]);
    } else {
      const [r, h] = fresh.get(f)!;
      raw.push(r);
      color.push(h);
    }
  }
  const table = { files, dim, raw, color };
  if (todo.length) writeCache(base, table);
  return table;
}

function writeCache(base: string, t: FeatureTable): void {
  fs.mkdirSync(path.dirname(base), { recursive: true });
  fs.writeFileSync(`${base}-files.json`, JSON.stringify(t.files));
  fs.writeFileSync(`${base}-raw.f32`, Buffer.concat(t.raw.map((r) => Buffer.from(r.buffer, r.byteOffset, r.byteLength))));
  fs.writeFileSync(`${base}-color.f32`, Buffer.concat(t.color.map((r) => Buffer.from(r.buffer, r.byteOffset, r.byteLength))));
}

function readCache(base: string, dim: number): FeatureTable | null {
  if (!fs.existsSync(`${base}-files.json`)) return null;
  const files = JSON.parse(fs.readFileSync(`${base}-files.json`, "utf8")) as string[];
  const rawBuf = fs.readFileSync(`${base}-raw.f32`);
  const colBuf = fs.readFileSync(`${base}-color.f32`);
  const all = new Float32Array(rawBuf.buffer.slice(rawBuf.byteOffset, rawBuf.byteOffset + rawBuf.byteLength));
  const cols = new Float32Array(colBuf.buffer.slice(colBuf.byteOffset, colBuf.byteOffset + colBuf.byteLength));
  const cdim = cols.length / files.length;
  if (cdim !== COLOR_FEATURE_DIM) return null; // written with another colour descriptor: extract again
  return {
    files,
    dim,
    raw: files.map((_, i) => all.subarray(i * dim, (i + 1) * dim)),
    color: files.map((_, i) => cols.subarray(i * cdim, (i + 1) * cdim)),
  };
}
