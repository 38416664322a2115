/**
 * One field of a shop's own labels as a linear head: fitted, calibrated and measured on the shop's
 * labelled search vectors. Pure arithmetic on typed arrays, so it can run in a worker thread
 * (label-head.worker.ts) without blocking the service's requests.
 */
import { argmax } from "./features.js";
import { fitTemperature, linearLogits, trainSoftmax, type LinearWeights } from "./softmax-regression.js";

/** Mini-batch size of the heads' training, and the fewest optimiser steps a head gets. */
const BATCH = 64;
const MIN_STEPS = 300;

export interface LabelHeadOptions {
  /** The previous head's weights, when the label set is unchanged (incremental learning). */
  init?: LinearWeights;
  epochs?: number;
}

export interface LabelHeadFit {
  final: LinearWeights;
  temperature: number;
  /** Top-1 on the held-out fifth, or null when there were too few examples to hold any out. */
  accuracy: number | null;
}

/**
 * Fits one field's head: every fifth example is held out to fit the temperature and measure
 * accuracy, then the head is trained on all of them. Warm-starts from `init` (incremental).
 */
export function fitLabelHead(x: Float32Array[], y: number[], classes: number, w: number[], opts: LabelHeadOptions = {}): LabelHeadFit {
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
