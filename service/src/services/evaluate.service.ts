/**
 * The evaluation harness: train rows of a CSV manifest become a labelled catalogue, test rows are
 * predicted from it through the same catalogue learning and search a shop uses, and the answer
 * is per-field accuracy / macro-F1 and retrieval precision@k.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { VectorSpace } from "../repositories/index.repository.js";
import { analyzeFiles, indexFiles } from "./bulk-index.service.js";
import { learnShop, shopPredictor } from "./learn.service.js";
import { ShopRegistry } from "./shops.service.js";

export interface EvalOptions {
  rows: Record<string, string>[];
  baseDir: string;
  fields: string[];
  group?: string;
  k: number;
  space: VectorSpace;
  onProgress?: (stage: "train" | "test", done: number, total: number) => void;
}

export interface EvalResult {
  /** Photos that were analysed; `failed` lists those that could not be. */
  n_train: number;
  n_test: number;
  failed: { image: string; reason: string }[];
  fields: Record<string, { accuracy: number; macro_f1: number; n: number; labels: number }>;
  retrieval?: { k: number; group: string; precision_at_k: number; hit_at_k: number; n: number };
}

export async function evaluate(o: EvalOptions): Promise<EvalResult> {
  if (!o.rows.length) throw new Error("the manifest has no rows");
  if (!("image" in o.rows[0])) throw new Error('the manifest needs an "image" column');
  for (const f of [...o.fields, ...(o.group ? [o.group] : [])]) if (!(f in o.rows[0])) throw new Error(`the manifest has no column "${f}"`);
  // A photo that cannot be read is one failed row, reported, not the end of the run or a silent gap.
  const failed: EvalResult["failed"] = [];
  const named = o.rows.filter((r) => Boolean(r.image?.trim()) || (failed.push({ image: "", reason: "the row names no image." }), false));
  const split = (r: Record<string, string>) => r.split || (hashUnit(r.image) < 0.7 ? "train" : "test");
  const train = named.filter((r) => split(r) === "train");
  const test = named.filter((r) => split(r) === "test");
  if (!train.length || !test.length) throw new Error("the manifest needs both train and test rows");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-eval-"));
  const shops = new ShopRegistry(dir, async () => o.space);
  try {
    const shop = await shops.get("eval");
    const file = (r: Record<string, string>) => path.resolve(o.baseDir, r.image);
    let done = 0;
    const imageOf = new Map(train.map((r, i) => [`t${i}`, r.image]));
    const trainItems = train.map((r, i) => ({ id: `t${i}`, file: file(r), labels: labelsOf(r, o.fields, o.group) }));
    const indexed = await indexFiles(shop, trainItems, (it, err) => {
      if (err) failed.push({ image: imageOf.get(it.id)!, reason: err.message });
      o.onProgress?.("train", ++done, train.length);
    });
    await learnShop(shop);
    const predictor = shopPredictor(shop);
    const groupOf = new Map(train.map((r, i) => [`t${i}`, o.group ? r[o.group] : ""]));
    const predictions: Record<string, { truth: string; guess: string }[]> = Object.fromEntries(o.fields.map((f) => [f, []]));
    let hits = 0;
    let precisionSum = 0;
    let tested = 0;
    for (let i = 0; i < test.length; i += 16) {
      const chunk = test.slice(i, i + 16);
      // A photo that cannot be read counts as failed, like one that cannot be decoded.
      const analyses = await analyzeFiles(chunk.map(file));
      chunk.forEach((r, j) => {
        const analysis = analyses[j];
        if (analysis instanceof Error) {
          failed.push({ image: r.image, reason: analysis.message });
          return;
        }
        tested++;
        const { features, vector } = analysis;
        const shopPred = predictor?.(features, vector) ?? {};
        for (const f of o.fields) if (r[f]) predictions[f].push({ truth: r[f], guess: shopPred[f]?.label ?? "" });
        if (o.group) {
          const near = shop.index.search(vector, o.k);
          const same = near.filter((n) => groupOf.get(shop.catalog.byLabels([n.label]).get(n.label)?.id ?? "") === r[o.group!]).length;
          precisionSum += same / o.k;
          if (same > 0) hits++;
        }
      });
      o.onProgress?.("test", Math.min(i + 16, test.length), test.length);
    }
    const result: EvalResult = { n_train: indexed.indexed, n_test: tested, failed, fields: {} };
    for (const f of o.fields) result.fields[f] = scores(predictions[f]);
    if (o.group)
      result.retrieval = {
        k: o.k,
        group: o.group,
        precision_at_k: round(precisionSum / tested),
        hit_at_k: round(hits / tested),
        n: tested,
      };
    return result;
  } finally {
    shops.closeAll();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function labelsOf(r: Record<string, string>, fields: string[], group?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) if (r[f]) out[f] = r[f];
  if (group && r[group] && !fields.includes(group)) out[`__group_${group}`] = r[group];
  return out;
}

export function scores(pairs: { truth: string; guess: string }[]): { accuracy: number; macro_f1: number; n: number; labels: number } {
  const labels = [...new Set(pairs.map((p) => p.truth))];
  const correct = pairs.filter((p) => p.truth === p.guess).length;
  const f1s = labels.map((l) => {
    const tp = pairs.filter((p) => p.truth === l && p.guess === l).length;
    const fp = pairs.filter((p) => p.truth !== l && p.guess === l).length;
    const fn = pairs.filter((p) => p.truth === l && p.guess !== l).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return {
    accuracy: round(correct / (pairs.length || 1)),
    macro_f1: round(f1s.reduce((a, b) => a + b, 0) / (f1s.length || 1)),
    n: pairs.length,
    labels: labels.length,
  };
}

const hashUnit = (s: string) => crypto.createHash("sha1").update(s).digest().readUInt32BE(0) / 2 ** 32;
const round = (v: number) => Math.round(v * 1000) / 1000;
