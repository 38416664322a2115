/**
 * The nearest labelled products as evidence for a shop's own labels (catalogue learning).
 *
 * A linear head draws one boundary per label; a catalogue often holds near-copies of a new product
 * (the same cut in another colour, the same shoe from another angle), whose labels say more than the
 * boundary does. The head's probabilities are mixed with a vote of the nearest labelled products.
 * Tuned on a fifth of the training split (never the test split; `npm run tune:neighbours -w service`):
 * 10 neighbours, each weighted by exp(cosine / 0.05), given 0.35 of the probability (docs/quality.md
 * has what it gained). Products
 * less similar than cosine 0.5 do not vote: in a catalogue of thousands the nearest are far closer (on
 * that slice the floor changed nothing), but in a small one the 10 nearest may be unrelated products.
 */
import type { Prediction } from "../openapi/answers.js";
import { predictionFrom, probabilities, type Head } from "./heads.js";

/** The shipped settings; `npm run tune:neighbours -w service` measures others. */
export interface VoteSettings {
  neighbours: number;
  share: number;
  sharpness: number;
  minSimilarity: number;
}
export const VOTE: VoteSettings = { neighbours: 10, share: 0.35, sharpness: 0.05, minSimilarity: 0.5 };
export const NEIGHBOURS = VOTE.neighbours;

export interface Neighbour {
  /** The neighbour's label for the field, if it has one. */
  label: string | undefined;
  /** Cosine similarity to the photo being predicted. */
  score: number;
}

/**
 * Mixes `probs` (over `labels`) with the neighbours' vote. Neighbours without one of `labels`, or not
 * similar enough, do not vote, and the vote's share shrinks with them, so a sparsely labelled catalogue
 * leans on the head.
 */
export function blendNeighbourVote(
  probs: Float32Array,
  labels: string[],
  neighbours: Neighbour[],
  settings: VoteSettings = VOTE,
): Float32Array {
  const index = new Map(labels.map((l, i) => [l, i]));
  const vote = new Float32Array(labels.length);
  let total = 0;
  let voters = 0;
  for (const n of neighbours.slice(0, settings.neighbours)) {
    const c = n.label === undefined ? undefined : index.get(n.label);
    if (c === undefined || n.score < settings.minSimilarity) continue;
    // exp((s - 1) / T) is exp(s / T) scaled by a constant: the same vote, without overflow.
    const w = Math.exp((n.score - 1) / settings.sharpness);
    vote[c] += w;
    total += w;
    voters++;
  }
  if (!voters || !(total > 0)) return probs;
  const share = (settings.share * voters) / settings.neighbours;
  return probs.map((p, c) => (1 - share) * p + (share * vote[c]) / total);
}

/** A shop head's prediction for the search vector `x`, with its nearest labelled products' vote. */
export function predictWithNeighbours(head: Head, x: Float32Array, neighbours: Neighbour[], settings: VoteSettings = VOTE): Prediction {
  return predictionFrom(head, blendNeighbourVote(probabilities(head, x), head.labels, neighbours, settings));
}
