/**
 * Orders visual neighbours the way a shopper means "similar": the same kind of garment and the
 * same colour first, then by how alike the photos look. HNSW finds the visual candidates; this
 * only reorders them, so the index stays a pure appearance index (colour mixed into the vector
 * itself hurt same-product recall in the baseline measurements).
 */
export interface Candidate {
  /** Cosine similarity of the search vectors. */
  score: number;
  category?: string | null;
  color?: string | null;
}

/**
 * Chosen without the test split by `npm run tune:rerank -w service` (calibration-slice photos querying the
 * fit split). Re-checked for the pack fine-tuned after block_9_add, with the 100 colour features: these
 * weights gave precision@10 0.4364 (same article type and colour), the best of a 75-point grid 0.4368. With
 * the mirror-averaged features they give 0.4481 with 100 candidates, the best 0.4492 (200 candidates, which
 * doubles the annotations read per query), so they stay.
 */
export const RERANK_WEIGHTS = { category: 0.2, color: 0.3 };
export const RERANK_CANDIDATES = 100;

export function rerankScore(c: Candidate, query: Omit<Candidate, "score">, w = RERANK_WEIGHTS): number {
  let s = c.score;
  if (query.category && c.category === query.category) s += w.category;
  if (query.color && c.color === query.color) s += w.color;
  return s;
}

/** Candidates sorted best first by `rerankScore`; ties keep the visual order. */
export function rerank<T extends Candidate>(candidates: T[], query: Omit<Candidate, "score">, w = RERANK_WEIGHTS): T[] {
  return candidates
    .map((c, i) => ({ c, i, s: rerankScore(c, query, w) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.c);
}
