/**
 * Reproducible train/test splits: fashion-products-224 stratified by article type, clothing-cc0
 * by photographer (sender_id), because one person's photos of one garment are near-duplicates.
 */
import { mulberry32 } from "../model/softmax-regression.js";
import type { Example } from "./datasets.js";

export function splitExamples(examples: Example[], seed = 42, trainShare = 0.7): ("train" | "test")[] {
  const rand = mulberry32(seed);
  const out: ("train" | "test")[] = new Array(examples.length);
  // clothing-cc0: whole senders go to one side.
  const senders = [...new Set(examples.filter((e) => e.source === "clothing-cc0").map((e) => e.group))].sort();
  const senderSide = new Map(senders.map((s) => [s, rand() < trainShare ? "train" : "test"] as const));
  // fashion-products-224: within each article type, the first 70% of a seeded shuffle.
  const byType = new Map<string, number[]>();
  examples.forEach((e, i) => {
    if (e.source === "clothing-cc0") out[i] = senderSide.get(e.group)!;
    else byType.set(e.rawType, [...(byType.get(e.rawType) ?? []), i]);
  });
  for (const type of [...byType.keys()].sort()) {
    const idx = byType.get(type)!;
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    const cut = Math.round(idx.length * trainShare);
    idx.forEach((ex, k) => (out[ex] = k < cut ? "train" : "test"));
  }
  return out;
}

export type Role = "fit" | "cal" | "test";

/**
 * Each example's role: every 10th train example calibrates (temperatures, abstain thresholds, model
 * choices) and is trained on by nothing; the rest of the train split fits; the test split is for eval.
 */
export function trainingRoles(split: ("train" | "test")[]): Role[] {
  let k = 0;
  return split.map((s) => (s === "test" ? "test" : k++ % 10 === 9 ? "cal" : "fit"));
}
