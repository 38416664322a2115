/**
 * Turns image bytes into everything the service knows about a photo: the annotation a client
 * sees, the prepared features (for heads and learning) and the search vector.
 */
import { colorFeatures } from "../colors/color-features.js";
import { dominantColors } from "../colors/dominant-colors.js";
import { garmentPixels } from "../colors/garment-mask.js";
import { nameWithHead } from "../colors/name-with-head.js";
import { concatFeatures as concat, prepareViews, searchVector } from "../model/features.js";
import { predict, scopeGate, type Head } from "../model/heads.js";
import type { LoadedModel } from "../model/load-model.js";
import { mirror } from "../model/pixels.js";
import type { Annotation, Prediction } from "../openapi/answers.js";
import { decodeForModel, type PixelGrid } from "../repositories/image.repository.js";
import { decodeLimit, inferenceLimit } from "./inference-limit.js";
import { getModel } from "./model.service.js";

export interface Analysis {
  annotation: Annotation;
  features: Float32Array;
  vector: Float32Array;
}

/** Extra heads a shop has learned; applied after the pack's own. */
export type ShopPredictor = (features: Float32Array, vector: Float32Array) => Record<string, Prediction>;

export async function analyzeImage(bytes: Buffer, shopPredictor?: ShopPredictor): Promise<Analysis> {
  return (await analyzeImages([bytes], shopPredictor))[0];
}

/**
 * A batch in which a bad image costs only itself: one bad image fails the whole batch, so the batch
 * is then redone one image at a time, each failure kept as its Error. In turn, not in parallel:
 * decoders run side by side lost their reasons ("Unknown error").
 */
export async function analyzeEach(all: Buffer[]): Promise<(Analysis | Error)[]> {
  try {
    return await analyzeImages(all);
  } catch {
    const out: (Analysis | Error)[] = [];
    for (const b of all) out.push(await analyzeImage(b).catch((e: Error) => e));
    return out;
  }
}

/** Batch form: decodes in parallel and runs the encoder once for the whole batch. */
export async function analyzeImages(all: Buffer[], shopPredictor?: ShopPredictor): Promise<Analysis[]> {
  const started = performance.now();
  const model = await getModel();
  // Every decode ends before a failure is thrown: one still running in libvips while the caller tries
  // the photos one at a time (analyzeEach) can wipe that retry's error, which then reads "Unknown error".
  const settled = await decodeLimit.run(() => Promise.allSettled(all.map((b) => decodeForModel(b, model.manifest.encoder))));
  const failure = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
  const decoded = settled.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof decodeForModel>>>).value);
  // With the pack's test-time augmentation, each photo's mirror image goes through in the same batch.
  const views = model.transform.mirror ? 2 : 1;
  const grids = decoded.flatMap((d) => (views === 2 ? [d.model, mirror(d.model)] : [d.model]));
  const raws = await inferenceLimit.run(() => model.embed(grids));
  const elapsed = (performance.now() - started) / all.length;
  return decoded.map((d, i) => describe(model, raws.slice(i * views, (i + 1) * views), d.color, elapsed, shopPredictor));
}

function describe(
  model: LoadedModel,
  raws: Float32Array[],
  colorGrid: PixelGrid,
  startedMs: number,
  shopPredictor?: ShopPredictor,
): Analysis {
  const t0 = performance.now();
  const features = prepareViews(raws, model.transform);
  const garment = garmentPixels(colorGrid);
  const needsColor = model.heads.some((h) => h.input === "embedding+color");
  const withColor = needsColor ? concat(features, colorFeatures(colorGrid, garment)) : features;
  const attributes: Record<string, Prediction> = {};
  let category: Prediction | null = null;
  let color: Prediction | undefined;
  const speaks = scopeGate(model.heads, (h) => inputFor(h, features, withColor));
  for (const head of model.heads) {
    // An attribute is not said of a garment it was never learned on (no sleeve length for shorts).
    if (!speaks(head)) continue;
    const p = predict(head, inputFor(head, features, withColor));
    if (head.field === "category") category = p;
    else if (head.field === "color") color = p;
    else attributes[head.field] = p;
  }
  const colors = nameWithHead(dominantColors(colorGrid, 3, garment), color);
  const annotation: Annotation = {
    category,
    attributes,
    colors,
    ...(color ? { color } : {}),
    model: { name: model.manifest.name, version: model.manifest.version },
    timing_ms: 0,
  };
  const vector = searchVector(features, model.transform);
  const shop = shopPredictor?.(features, vector);
  if (shop && Object.keys(shop).length) annotation.shop = shop;
  annotation.timing_ms = Math.round((startedMs + performance.now() - t0) * 10) / 10;
  return { annotation, features, vector };
}

const inputFor = (h: Head, f: Float32Array, fc: Float32Array) => (h.input === "embedding+color" ? fc : f);
