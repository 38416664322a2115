/**
 * Classifier heads: linear layers over the prepared features, or text embeddings (zero-shot),
 * turned into calibrated probabilities.
 */
import type { Prediction } from "../openapi/answers.js";

export interface Head {
  field: string;
  labels: string[];
  /** Row-major [labels x dim]. For text heads, the L2-normalised prompt embeddings. */
  weights: Float32Array;
  bias: Float32Array;
  /** Multiplies the logits before the softmax: 1/temperature for linear, logitScale for text. */
  scale: number;
  abstain: number;
  input: "embedding" | "embedding+color";
  /** The categories (labels of the category head) the attribute was learned on; absent: any. */
  appliesTo?: string[];
}

/**
 * A label is confident only when it is more likely right than wrong, whatever a pack's threshold
 * says: a threshold chosen for 90 % accuracy over a whole test set can be 0, and a 4-label head's
 * 0.36 then read as confident.
 */
export const CONFIDENT_FLOOR = 0.5;
export const abstainOf = (spec: { abstain?: number }): number => Math.max(spec.abstain ?? 0, CONFIDENT_FLOOR);

/**
 * Whether an attribute speaks for this photo: the category head gives at least even odds to the
 * categories it was learned on. A sleeve head learned on tops otherwise named the sleeves of shorts.
 */
/**
 * For one photo, which of the pack's heads speak for it: the category head's odds are computed once
 * (from `inputOf`, the photo's features as each head reads them) and every scoped head is judged on them.
 */
export function scopeGate(heads: Head[], inputOf: (head: Head) => Float32Array): (head: Head) => boolean {
  const category = heads.find((h) => h.field === "category");
  let probs: Float32Array | null = null;
  return (head) => {
    if (!head.appliesTo || !category) return true;
    probs ??= probabilities(category, inputOf(category));
    return inScope(head, category, probs);
  };
}

export function inScope(head: Head, category: Head | undefined, categoryProbs: Float32Array | null): boolean {
  if (!head.appliesTo || !category || !categoryProbs) return true;
  let mass = 0;
  category.labels.forEach((label, i) => {
    if (head.appliesTo!.includes(label)) mass += categoryProbs[i];
  });
  return mass >= 0.5;
}

export function predict(head: Head, x: Float32Array, alternatives = 3): Prediction {
  return predictionFrom(head, probabilities(head, x), alternatives);
}

/** The best label of `probs` (over the head's labels), with its runners-up. */
export function predictionFrom(head: Head, probs: Float32Array, alternatives = 3): Prediction {
  const order = [...probs.keys()].sort((a, b) => probs[b] - probs[a]);
  const best = order[0];
  return {
    label: head.labels[best],
    score: round(probs[best]),
    confident: probs[best] >= head.abstain,
    alternatives: order.slice(1, 1 + alternatives).map((i) => ({ label: head.labels[i], score: round(probs[i]) })),
  };
}

export function probabilities(head: Head, x: Float32Array): Float32Array {
  const n = head.labels.length;
  const dim = x.length;
  if (head.weights.length !== n * dim) throw new Error(`head ${head.field}: expects ${head.weights.length / n}-d input, got ${dim}`);
  const logits = new Float32Array(n);
  for (let c = 0; c < n; c++) {
    let s = head.bias[c];
    const row = c * dim;
    for (let i = 0; i < dim; i++) s += head.weights[row + i] * x[i];
    logits[c] = s * head.scale;
  }
  return softmax(logits);
}

export function softmax(logits: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  let sum = 0;
  const out = new Float32Array(logits.length);
  for (let i = 0; i < logits.length; i++) sum += out[i] = Math.exp(logits[i] - max);
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;
