/**
 * Prepares raw backbone embeddings for heads and search. The ImageNet features are
 * non-negative and about half zeros; a square root, centring and L2 normalisation make
 * distances between them meaningful (see docs/model.md).
 */
export interface FeatureTransform {
  sqrt: boolean;
  mean?: Float32Array;
  /** Row-major [outDim x inDim]. */
  projection?: Float32Array;
  outDim?: number;
  /**
   * Test-time augmentation: the features are the mean of the photo's and its mirror image's. A garment
   * is the same garment flipped, and the average is steadier than either view (+1 to 1.5 points per
   * field on the calibration slice, docs/model.md).
   */
  mirror?: boolean;
}

/**
 * sqrt → L2 → centre → L2, the vector the heads read. The mean is of L2-normalised vectors (it is
 * fitted that way in training), so it must be subtracted after the first normalisation.
 */
export function prepareFeatures(raw: Float32Array, t: FeatureTransform): Float32Array {
  return prepareViews([raw], t);
}

/** Several views of one photo (the photo and its mirror): each is square-rooted and L2-normalised, then averaged. */
export function prepareViews(raws: Float32Array[], t: FeatureTransform): Float32Array {
  const out = new Float32Array(raws[0].length);
  const view = new Float32Array(raws[0].length);
  for (const raw of raws) {
    for (let i = 0; i < raw.length; i++) view[i] = t.sqrt ? Math.sqrt(Math.max(raw[i], 0)) : raw[i];
    l2normalize(view);
    for (let i = 0; i < view.length; i++) out[i] += view[i] / raws.length;
  }
  if (!t.mean) return l2normalize(out);
  l2normalize(out);
  for (let i = 0; i < out.length; i++) out[i] -= t.mean[i];
  return l2normalize(out);
}

/** The search vector: the prepared features, projected when the pack has a projection, then L2. */
export function searchVector(features: Float32Array, t: FeatureTransform): Float32Array {
  if (!t.projection || !t.outDim) return features;
  const dim = features.length;
  const out = new Float32Array(t.outDim);
  for (let o = 0; o < t.outDim; o++) {
    let s = 0;
    const row = o * dim;
    for (let i = 0; i < dim; i++) s += t.projection[row + i] * features[i];
    out[o] = s;
  }
  return l2normalize(out);
}

export function l2normalize(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) v[i] /= n;
  return v;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function concatFeatures(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}
