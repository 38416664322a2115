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
import path from "node:path";

import { AppError } from "../errors.js";
import { log } from "../log.js";
import { dot, searchVector } from "../model/features.js";
import type { Head } from "../model/heads.js";
import { NEIGHBOURS, predictWithNeighbours } from "../model/neighbour-vote.js";
import { packJob, type LabelHeadJob } from "../model/label-head-job.js";
import { fitLabelHeadsInThread } from "../model/label-head-thread.js";
import type { LearnStatus, Prediction } from "../openapi/answers.js";
import { type LearnedHead, type LearnedHeadMeta, LearnedHeadsRepository } from "../repositories/learned-heads.repository.js";
import type { ShopPredictor } from "./analyze.service.js";
import { getModel } from "./model.service.js";
import { readMarker, settleMarker } from "./relearn-marker.js";
import type { Shop } from "./shops.service.js";
import { envNumber } from "../env.js";

/** What a shop has learned of one field, as its head file says. */
type LearnedField = LearnStatus["fields"][string];

interface ShopModel {
  heads: Head[];
  corrections: { features: Float32Array; labels: Record<string, string> }[];
  /** The database's `changesElsewhere()` when this was read: a commit by another process (a review made with the CLI) invalidates it. */
  version: number;
  /** Set when this process changed the corrections: they are read again, the heads kept. */
  correctionsStale?: boolean;
}

/** Cosine above which a corrected photo counts as "the same kind of photo". */
const CORRECTION_SIMILARITY = envNumber("CORRECTION_SIMILARITY", 0.8);
/**
 * Cosine above which it is the same product photographed again (another crop, a mirror image): the
 * person's correction then wins over the learned head, however sure the head is
 * (test/catalogue-learning.test.ts corrects one crop of a shoe and asks about a mirrored re-crop).
 */
const NEAR_IDENTICAL = 0.9;
const MIN_EXAMPLES_PER_LABEL = 2;
const cache = new WeakMap<Shop, ShopModel>();
/** Each shop's learning run under way, and the one queued after it. */
const runs = new WeakMap<Shop, { current: Promise<LearnReport> | null; queued: Promise<LearnReport> | null }>();

export interface LearnReport {
  fields: Record<string, { labels: number; examples: number; holdout_accuracy: number | null; seconds: number }>;
  corrections: number;
  /** Fields learned before that no longer have two labels with two examples each: their heads are gone. */
  removed: string[];
  /** Why nothing was learned, when nothing was: a person reads the answer. */
  note?: string;
}

const NOTHING_TO_LEARN =
  "Nothing learned: a field needs at least 2 labels with 2 or more labelled products (or corrections) each; send the shop's own labels with its products (labels), through PUT /v1/labels, or as corrections.";

/**
 * Retrains the shop's heads from its labelled products and corrections. The fitting runs in a worker
 * thread (seconds for a large catalogue), so the service goes on answering meanwhile. In this process
 * one shop learns one run at a time: a call while a run is under way queues the next, and a call
 * while one is queued joins it (it has not read the shop yet, so it learns what the caller wants).
 */
export function learnShop(shop: Shop, opts: { epochs?: number } = {}): Promise<LearnReport> {
  const shopRuns = runs.get(shop) ?? { current: null, queued: null };
  runs.set(shop, shopRuns);
  if (shopRuns.queued) return shopRuns.queued;
  const start = () => {
    const run: Promise<LearnReport> = learnNow(shop, opts).finally(() => {
      if (shopRuns.current === run) shopRuns.current = null;
    });
    shopRuns.current = run;
    return run;
  };
  if (!shopRuns.current) return start();
  shopRuns.queued = shopRuns.current
    .catch(() => undefined)
    .then(() => {
      shopRuns.queued = null;
      return start();
    });
  return shopRuns.queued;
}

async function learnNow(shop: Shop, opts: { epochs?: number }): Promise<LearnReport> {
  if (!shop.catalog.isOpen) throw shopClosed(shop);
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
  // Read with the corrections, in the same tick: what this run learns settles it (relearn-marker.ts).
  const marker = readMarker(shop);
  let corrections = 0;
  for (const c of shop.catalog.feedbackWithFeatures()) {
    corrections++;
    // A person's correction is rarer and more deliberate than a catalogue label: count it more.
    const vector = searchVector(c.features, transform);
    for (const [f, v] of Object.entries(correctionLabels(c.correction))) add(f, v, vector, 3);
  }

  const store = headsOf(shop);
  const planned: { field: string; labels: string[]; examples: number; dim: number }[] = [];
  const jobs: LabelHeadJob[] = [];
  for (const [field, data] of byField) {
    const counts = new Map<string, number>();
    data.y.forEach((l) => counts.set(l, (counts.get(l) ?? 0) + 1));
    const labels = [...counts.keys()].filter((l) => counts.get(l)! >= MIN_EXAMPLES_PER_LABEL).sort();
    if (labels.length < 2) continue;
    const keep = data.y.map((l, i) => (counts.get(l)! >= MIN_EXAMPLES_PER_LABEL ? i : -1)).filter((i) => i >= 0);
    const previousHead = warmStart(store, field, shop);
    const init =
      previousHead && sameLabels(previousHead.meta.labels, labels) ? { weights: previousHead.weights, bias: previousHead.bias } : undefined;
    planned.push({ field, labels, examples: keep.length, dim: data.x[0].length });
    jobs.push(
      packJob(
        field,
        keep.map((i) => data.x[i]),
        keep.map((i) => labels.indexOf(data.y[i])),
        keep.map((i) => data.w[i]),
        labels.length,
        { init, epochs: opts.epochs },
      ),
    );
  }
  const fits = await oneFittingAtATime(() => fitLabelHeadsInThread(jobs));

  const report: LearnReport = { fields: {}, corrections, removed: [] };
  // Closed while fitting (the service stopping): its folder may be gone, and nothing waits for the heads.
  if (!shop.catalog.isOpen) throw shopClosed(shop);
  planned.forEach(({ field, labels, examples, dim }, k) => {
    const { final, temperature, accuracy, seconds } = fits[k];
    const holdout_accuracy = accuracy == null ? null : round(accuracy);
    const trained_at = new Date().toISOString();
    store.save(
      { field, labels, dim, temperature, examples, trained_at, holdout_accuracy, model: shop.catalog.model },
      final.weights,
      final.bias,
    );
    report.fields[field] = { labels: labels.length, examples, holdout_accuracy, seconds: round(seconds) };
  });
  // A field that no longer has two labels to tell apart (its corrections rejected, its products
  // relabelled) must stop predicting what it learned before.
  for (const field of store.fields()) {
    if (report.fields[field]) continue;
    store.remove(field);
    report.removed.push(field);
  }
  if (!Object.keys(report.fields).length) report.note = NOTHING_TO_LEARN;
  settleMarker(shop, marker);
  cache.delete(shop);
  return report;
}

/**
 * Fittings of different shops (each relearning by itself) wait for each other: each keeps a core
 * busy for seconds, and on a small server two at once would leave none for the annotations and
 * searches the shops are waiting for.
 */
let fitting: Promise<unknown> = Promise.resolve();
function oneFittingAtATime<T>(fit: () => Promise<T>): Promise<T> {
  const run = fitting.catch(() => undefined).then(fit);
  fitting = run;
  return run;
}

const shopClosed = (shop: Shop) => new AppError(503, "shop_closed", `Shop "${shop.name}" was closed (the service is stopping).`);

/** The field's current head to start from, or none when it cannot be read (learning replaces it). */
function warmStart(store: LearnedHeadsRepository, field: string, shop: Shop): LearnedHead | null {
  try {
    const head = store.load(field);
    // Learned on another pack's vectors (the model changed): nothing to start from.
    return head && madeFor(head.meta, shop) ? head : null;
  } catch (e) {
    log.warn("learning starts a damaged head afresh", { field, error: (e as Error).message });
    return null;
  }
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
  shop.sync();
  const hits = shop.index.search(vector, NEIGHBOURS);
  const rows = shop.catalog.byLabels(hits.map((h) => h.label));
  return hits.map((h) => {
    const labels = rows.get(h.label)?.labels;
    return { labels: labels ? (JSON.parse(labels) as Record<string, string>) : {}, score: h.score };
  });
}

/** Whether the shop has learned its own labels (relearning after corrections updates only such shops). */
export function hasLearnedHeads(shop: Shop): boolean {
  return headsOf(shop).any();
}

/** The fields the shop has learned, from its head files (the weights are not read). */
export function learnedFields(shop: Shop): Record<string, LearnedField> {
  return Object.fromEntries(
    headsOf(shop)
      .list()
      .map((m) => [
        m.field,
        {
          labels: m.labels,
          examples: m.examples,
          holdout_accuracy: m.holdout_accuracy ?? null,
          trained_at: m.trained_at,
          stale: !madeFor(m, shop),
        },
      ]),
  );
}

/** Whether a learning run of the shop is under way. */
export const isLearning = (shop: Shop): boolean => Boolean(runs.get(shop)?.current);

/**
 * Called when feedback arrives or is reviewed (relearn.service.ts), so the next prediction sees it:
 * the corrections are read again, the heads (which corrections do not change) stay cached.
 */
export function invalidateShopCorrections(shop: Shop): void {
  const cached = cache.get(shop);
  if (cached) cached.correctionsStale = true;
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

/** Called when this process finds that another one committed to a shop (relearn.service.ts listens). */
const otherProcessListeners: ((shop: Shop) => void)[] = [];
export function onOtherProcessCommit(listener: (shop: Shop) => void): void {
  otherProcessListeners.push(listener);
}

/** The shop's database version this process last looked at; a shop closed and opened is a new object. */
const seenVersion = new WeakMap<Shop, number>();

/**
 * Tells the listeners when another process committed to the shop since this process last looked,
 * once per change, and returns the version. Cheap (a pragma), so any read of the shop may ask.
 */
export function noticeOtherProcessCommits(shop: Shop): number {
  const version = shop.catalog.changesElsewhere();
  const seen = seenVersion.get(shop);
  seenVersion.set(shop, version);
  if (seen !== undefined && seen !== version) for (const listener of otherProcessListeners) listener(shop);
  return version;
}

function shopModel(shop: Shop): ShopModel {
  const cached = cache.get(shop);
  const version = noticeOtherProcessCommits(shop);
  if (cached?.version === version && !cached.correctionsStale) return cached;
  // Another process's commit (a review made with the CLI) can change which corrections count; the
  // heads are files this process writes when it learns, so they are read only when nothing is cached.
  const model = { heads: cached?.heads ?? loadHeads(shop), corrections: loadCorrections(shop), version };
  cache.set(shop, model);
  return model;
}

/** Whether a head was learned on the vectors the shop's current pack makes. */
const madeFor = (meta: LearnedHeadMeta, shop: Shop): boolean =>
  meta.dim === shop.index.dim && (meta.model === undefined || meta.model === shop.catalog.model);

/** The shop's heads; one that cannot be read is left out (logged) rather than failing every prediction. */
function loadHeads(shop: Shop): Head[] {
  const { heads, damaged } = headsOf(shop).loadAll();
  for (const d of damaged) log.warn("learned head left out", { shop: shop.name, ...d });
  const current = heads.filter((h) => madeFor(h.meta, shop));
  for (const h of heads.filter((h) => !current.includes(h)))
    log.warn("learned head left out: learned with another model pack; it is learned again after the shop is reindexed", {
      shop: shop.name,
      field: h.meta.field,
    });
  return current.map(({ meta, weights, bias }) => ({
    field: meta.field,
    labels: meta.labels,
    weights,
    bias,
    scale: 1 / meta.temperature,
    abstain: 0.5,
    input: "embedding",
  }));
}

function loadCorrections(shop: Shop): ShopModel["corrections"] {
  return [...shop.catalog.feedbackWithFeatures()].map((c) => ({
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

const headsOf = (shop: Shop) => new LearnedHeadsRepository(path.join(shop.catalog.dir, "learned"));

const sameLabels = (a: string[], b: string[]) => a.length === b.length && a.every((l, i) => l === b[i]);
const round = (v: number) => Math.round(v * 1000) / 1000;
