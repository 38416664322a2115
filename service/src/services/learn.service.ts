/**
 * Catalogue learning: a shop's own labels, learned from its labelled products and from people's
 * corrections. A shop that calls a category "Tees & Tanks" gets "Tees & Tanks" back.
 *
 * Three mechanisms work together:
 * - linear heads per field on the search vectors, retrained in seconds (warm-started when the label
 *   set is unchanged); on the 256-d vectors they train several times faster than on the full
 *   embedding, with no loss of accuracy in our runs on the shared data (docs/quality.md);
 * - the labels of the shop's nearest products, read from its similar-items index at each prediction,
 *   mixed into the heads' probabilities (model/neighbour-vote.ts), so new and relabelled products count
 *   before any retraining;
 * - corrections as nearest-neighbour evidence, applied at once, so a correction changes the next
 *   prediction for similar photos before any retraining.
 */
import fs from "node:fs";
import path from "node:path";

import { AppError } from "../errors.js";
import { argmax, dot, searchVector } from "../model/features.js";
import type { Head } from "../model/heads.js";
import { NEIGHBOURS, predictWithNeighbours } from "../model/neighbour-vote.js";
import type { Prediction } from "../openapi/answers.js";
import { fitTemperature, linearLogits, trainSoftmax, type LinearWeights } from "../model/softmax-regression.js";
import type { ShopPredictor } from "./analyze.service.js";
import { getModel } from "./model.service.js";
import type { Shop } from "./shops.service.js";

interface LearnedHeadFile {
  field: string;
  labels: string[];
  dim: number;
  temperature: number;
  examples: number;
  trained_at: string;
}

interface ShopModel {
  heads: Head[];
  corrections: { features: Float32Array; labels: Record<string, string> }[];
  /** The database's `changesElsewhere()` when this was read: a commit by another process (a review made with the CLI) invalidates it. */
  version: number;
}

/** Cosine above which a corrected photo counts as "the same kind of photo". */
const CORRECTION_SIMILARITY = Number(process.env.CORRECTION_SIMILARITY ?? 0.8);
/**
 * Corrections sent through a public web session (anyone with the try-it page) are stored, for a
 * person to review and for retraining, but do not act on the shop's own predictions until a person
 * accepts them: otherwise any visitor could make the shop's next annotations say what they like. A
 * shop whose page only its own staff reach can let them count while pending.
 */
export const WEB_FEEDBACK_LEARNS = process.env.WEB_FEEDBACK_LEARNS === "true";
/**
 * Cosine above which it is the same product photographed again (another crop, a mirror image): the
 * person's correction then wins over the learned head, however sure the head is
 * (test/catalogue-learning.test.ts corrects one crop of a shoe and asks about a mirrored re-crop).
 */
const NEAR_IDENTICAL = 0.9;
const MIN_EXAMPLES_PER_LABEL = 2;
/** Mini-batch size of the heads' training, and the fewest optimiser steps a head gets. */
const BATCH = 64;
const MIN_STEPS = 300;
const cache = new WeakMap<Shop, ShopModel>();

export interface LearnReport {
  fields: Record<string, { labels: number; examples: number; holdout_accuracy: number | null; seconds: number }>;
  corrections: number;
}

/** Retrains the shop's heads from its labelled products and corrections. */
export async function learnShop(shop: Shop, opts: { epochs?: number } = {}): Promise<LearnReport> {
  const { transform } = await getModel();
  const byField = new Map<string, { x: Float32Array[]; y: string[]; w: number[] }>();
  const add = (field: string, label: string, features: Float32Array, weight: number) => {
    const e = byField.get(field) ?? { x: [], y: [], w: [] };
    e.x.push(features);
    e.y.push(label);
    e.w.push(weight);
    byField.set(field, e);
  };
  for (const p of shop.catalog.labelledProducts()) for (const [f, v] of Object.entries(p.labels)) add(f, v, p.vector, 1);
  let corrections = 0;
  for (const c of shop.catalog.feedbackWithFeatures(WEB_FEEDBACK_LEARNS)) {
    corrections++;
    // A person's correction is rarer and more deliberate than a catalogue label: count it more.
    const vector = searchVector(c.features, transform);
    for (const [f, v] of Object.entries(correctionLabels(c.correction))) add(f, v, vector, 3);
  }

  const dir = headsDir(shop);
  fs.mkdirSync(dir, { recursive: true });
  const report: LearnReport = { fields: {}, corrections };
  for (const [field, data] of byField) {
    const started = performance.now();
    const counts = new Map<string, number>();
    data.y.forEach((l) => counts.set(l, (counts.get(l) ?? 0) + 1));
    const labels = [...counts.keys()].filter((l) => counts.get(l)! >= MIN_EXAMPLES_PER_LABEL).sort();
    if (labels.length < 2) continue;
    const keep = data.y.map((l, i) => (labels.includes(l) ? i : -1)).filter((i) => i >= 0);
    const previous = loadHead(dir, encodeURIComponent(field));
    const init = previous && sameLabels(previous.labels, labels) ? { weights: previous.weights, bias: previous.bias } : undefined;
    const { final, temperature, accuracy } = fitLabelHead(
      keep.map((i) => data.x[i]),
      keep.map((i) => labels.indexOf(data.y[i])),
      labels.length,
      keep.map((i) => data.w[i]),
      { init, epochs: opts.epochs },
    );
    saveHead(
      dir,
      { field, labels, dim: data.x[0].length, temperature, examples: keep.length, trained_at: new Date().toISOString() },
      final.weights,
      final.bias,
    );
    report.fields[field] = {
      labels: labels.length,
      examples: keep.length,
      holdout_accuracy: accuracy == null ? null : round(accuracy),
      seconds: round((performance.now() - started) / 1000),
    };
  }
  cache.delete(shop);
  return report;
}

/**
 * Fits one field's head: every fifth example is held out to fit the temperature and measure
 * accuracy, then the head is trained on all of them. Warm-starts from `init` (incremental).
 */
export function fitLabelHead(
  x: Float32Array[],
  y: number[],
  classes: number,
  w: number[],
  opts: { init?: LinearWeights; epochs?: number } = {},
) {
  const holdout = x.map((_, i) => i % 5 === 4);
  const trainIdx = x.map((_, i) => i).filter((i) => !holdout[i]);
  const testIdx = x.map((_, i) => i).filter((i) => holdout[i]);
  // A small catalogue fits in one batch per epoch: it gets more epochs, so that every head takes at
  // least MIN_STEPS optimiser steps (8 labelled products got 12 steps, and a head near its zero start).
  const batchesPerEpoch = Math.ceil(trainIdx.length / BATCH);
  const epochs = opts.epochs ?? Math.max(opts.init ? 4 : 12, Math.ceil(MIN_STEPS / batchesPerEpoch));
  let temperature = 1;
  let accuracy: number | null = null;
  if (testIdx.length >= 10) {
    const probe = trainSoftmax(
      trainIdx.map((i) => x[i]),
      trainIdx.map((i) => y[i]),
      classes,
      { epochs, lr: 0.05, batch: BATCH, init: opts.init, sampleWeights: trainIdx.map((i) => w[i]) },
    );
    const logits = testIdx.map((i) => linearLogits(probe, x[i]));
    temperature = fitTemperature(
      logits,
      testIdx.map((i) => y[i]),
    );
    accuracy = testIdx.filter((i, j) => argmax(logits[j]) === y[i]).length / testIdx.length;
  }
  const final = trainSoftmax(x, y, classes, { epochs, lr: 0.05, batch: BATCH, init: opts.init, sampleWeights: w });
  return { final, temperature, accuracy };
}

/** The function the annotator calls for a shop's own predictions, or undefined when it has none. */
export function shopPredictor(shop: Shop): ShopPredictor | undefined {
  const model = shopModel(shop);
  if (!model.heads.length && !model.corrections.length) return undefined;
  return (features, vector) => {
    const out: Record<string, Prediction> = {};
    const neighbours = model.heads.length ? labelledNeighbours(shop, vector) : [];
    for (const head of model.heads) {
      const votes = neighbours.map((n) => ({ label: n.labels[head.field], score: n.score }));
      out[head.field] = predictWithNeighbours(head, vector, votes);
    }
    applyCorrections(out, model, features);
    return out;
  };
}

/** The shop's products nearest to a search vector, with their own labels. */
function labelledNeighbours(shop: Shop, vector: Float32Array): { labels: Record<string, string>; score: number }[] {
  if (vector.length !== shop.index.dim) return [];
  const hits = shop.index.search(vector, NEIGHBOURS);
  const rows = shop.catalog.byLabels(hits.map((h) => h.label));
  return hits.map((h) => {
    const labels = rows.get(h.label)?.labels;
    return { labels: labels ? (JSON.parse(labels) as Record<string, string>) : {}, score: h.score };
  });
}

/** Called when feedback arrives or is reviewed, so the next prediction sees it. */
export function invalidateShopHeads(shop: Shop): void {
  cache.delete(shop);
}

function applyCorrections(out: Record<string, Prediction>, model: ShopModel, features: Float32Array): void {
  // field -> label -> summed weight of the corrections voting for it, and the closest of them.
  const votes = new Map<string, Map<string, { weight: number; closest: number }>>();
  for (const c of model.corrections) {
    const sim = dot(c.features, features);
    if (sim < CORRECTION_SIMILARITY) continue;
    const weight = (sim - CORRECTION_SIMILARITY) / (1 - CORRECTION_SIMILARITY);
    for (const [field, label] of Object.entries(c.labels)) {
      const v = votes.get(field) ?? new Map<string, { weight: number; closest: number }>();
      const had = v.get(label) ?? { weight: 0, closest: 0 };
      v.set(label, { weight: had.weight + weight, closest: Math.max(had.closest, sim) });
      votes.set(field, v);
    }
  }
  for (const [field, v] of votes) {
    const [label, { weight, closest }] = [...v.entries()].sort((a, b) => b[1].weight - a[1].weight)[0];
    const current = out[field];
    if (current?.label === label) continue;
    // A near-identical corrected photo outweighs the head; weaker evidence must beat the head's score.
    const score = Math.min(0.99, 0.5 + weight / 2);
    if (!current || score > current.score || closest >= NEAR_IDENTICAL) {
      out[field] = {
        label,
        score: round(score),
        confident: true,
        alternatives: current ? [{ label: current.label, score: current.score }] : [],
      };
    }
  }
}

function shopModel(shop: Shop): ShopModel {
  const cached = cache.get(shop);
  const version = shop.catalog.changesElsewhere();
  if (cached?.version === version) return cached;
  // Another process's commit (a review made with the CLI) can change which corrections count; the
  // heads are files this process writes when it learns, so they are read only when nothing is cached.
  const model = { heads: cached?.heads ?? loadHeads(shop), corrections: loadCorrections(shop), version };
  cache.set(shop, model);
  return model;
}

function loadHeads(shop: Shop): Head[] {
  const dir = headsDir(shop);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .map((f) => loadHead(dir, f.slice(0, -5)))
    .filter((h): h is Head => h !== null);
}

function loadCorrections(shop: Shop): ShopModel["corrections"] {
  return [...shop.catalog.feedbackWithFeatures(WEB_FEEDBACK_LEARNS)].map((c) => ({
    features: c.features,
    labels: correctionLabels(c.correction),
  }));
}

/** The fields a correction sets, as the shop's own labels. */
function correctionLabels(c: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof c.category === "string") out.category = c.category;
  for (const [k, v] of Object.entries((c.attributes as Record<string, unknown>) ?? {})) if (typeof v === "string") out[k] = v;
  for (const [k, v] of Object.entries((c.labels as Record<string, unknown>) ?? {})) if (typeof v === "string") out[k] = v;
  if (Array.isArray(c.colors) && typeof c.colors[0] === "string") out.color = c.colors[0];
  return out;
}

const headsDir = (shop: Shop) => path.join(shop.catalog.dir, "learned");

function saveHead(dir: string, meta: LearnedHeadFile, weights: Float32Array, bias: Float32Array): void {
  const safe = encodeURIComponent(meta.field);
  const bin = Buffer.concat([
    Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength),
    Buffer.from(bias.buffer, bias.byteOffset, bias.byteLength),
  ]);
  fs.writeFileSync(path.join(dir, `${safe}.bin.tmp`), bin);
  fs.renameSync(path.join(dir, `${safe}.bin.tmp`), path.join(dir, `${safe}.bin`));
  fs.writeFileSync(path.join(dir, `${safe}.json`), JSON.stringify(meta));
}

function loadHead(dir: string, safeField: string): Head | null {
  const metaFile = path.join(dir, `${safeField}.json`);
  if (!fs.existsSync(metaFile)) return null;
  const meta = JSON.parse(fs.readFileSync(metaFile, "utf8")) as LearnedHeadFile;
  const buf = fs.readFileSync(path.join(dir, `${safeField}.bin`));
  const n = meta.labels.length;
  if (buf.length !== (n * meta.dim + n) * 4)
    throw new AppError(500, "invalid_learned_head", `The learned head for "${meta.field}" is damaged; run learning again.`);
  const all = new Float32Array(n * meta.dim + n);
  new Uint8Array(all.buffer).set(buf);
  return {
    field: meta.field,
    labels: meta.labels,
    weights: all.subarray(0, n * meta.dim),
    bias: all.subarray(n * meta.dim),
    scale: 1 / meta.temperature,
    abstain: 0.5,
    input: "embedding",
  };
}

const sameLabels = (a: string[], b: string[]) => a.length === b.length && a.every((l, i) => l === b[i]);
const round = (v: number) => Math.round(v * 1000) / 1000;
