/**
 * Multinomial logistic regression trained with mini-batch Adam: the linear heads of the default
 * pack and the heads a shop learns from its own catalogue both come from here.
 */
export interface LinearWeights {
  /** Row-major [classes x dim]. */
  weights: Float32Array;
  bias: Float32Array;
}

export interface TrainOptions {
  epochs: number;
  lr: number;
  l2?: number;
  batch?: number;
  seed?: number;
  /** Start from these weights (incremental learning with an unchanged label set). */
  init?: LinearWeights;
  /** Per-example weights, e.g. to count a person's correction more than a catalogue label. */
  sampleWeights?: number[];
  onEpoch?: (epoch: number, loss: number) => void;
  /**
   * Early stopping: scores the weights after each epoch (e.g. accuracy on a held-out slice), and
   * the best-scoring epoch's weights are returned instead of the last.
   */
  select?: (w: LinearWeights) => number;
}

export function trainSoftmax(x: Float32Array[], y: number[], classes: number, opts: TrainOptions): LinearWeights {
  const dim = x[0].length;
  const W = opts.init ? Float32Array.from(opts.init.weights) : new Float32Array(classes * dim);
  const b = opts.init ? Float32Array.from(opts.init.bias) : new Float32Array(classes);
  const mW = new Float32Array(W.length),
    vW = new Float32Array(W.length);
  const mb = new Float32Array(classes),
    vb = new Float32Array(classes);
  const gW = new Float32Array(W.length),
    gb = new Float32Array(classes);
  const batch = opts.batch ?? 64;
  const l2 = opts.l2 ?? 0;
  const rand = mulberry32(opts.seed ?? 42);
  const order = x.map((_, i) => i);
  const logits = new Float32Array(classes);
  let step = 0;
  let best: { score: number; weights: LinearWeights } | null = null;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, rand);
    let lossSum = 0;
    for (let start = 0; start < order.length; start += batch) {
      const idx = order.slice(start, start + batch);
      gW.fill(0);
      gb.fill(0);
      let wsum = 0;
      for (const i of idx) {
        const xi = x[i];
        const w = opts.sampleWeights?.[i] ?? 1;
        wsum += w;
        let max = -Infinity;
        for (let c = 0; c < classes; c++) {
          let s = b[c];
          const row = c * dim;
          for (let d = 0; d < dim; d++) s += W[row + d] * xi[d];
          logits[c] = s;
          if (s > max) max = s;
        }
        let sum = 0;
        for (let c = 0; c < classes; c++) sum += logits[c] = Math.exp(logits[c] - max);
        lossSum -= w * Math.log(Math.max(logits[y[i]] / sum, 1e-12));
        for (let c = 0; c < classes; c++) {
          const g = w * (logits[c] / sum - (c === y[i] ? 1 : 0));
          if (g === 0) continue;
          gb[c] += g;
          const row = c * dim;
          for (let d = 0; d < dim; d++) gW[row + d] += g * xi[d];
        }
      }
      step++;
      adam(W, gW, mW, vW, step, opts.lr, wsum, l2);
      adam(b, gb, mb, vb, step, opts.lr, wsum, 0);
    }
    opts.onEpoch?.(epoch, lossSum / x.length);
    if (opts.select) {
      const score = opts.select({ weights: W, bias: b });
      if (!best || score > best.score) best = { score, weights: { weights: Float32Array.from(W), bias: Float32Array.from(b) } };
    }
  }
  return best?.weights ?? { weights: W, bias: b };
}

/** Raw logits of a linear head for one input. */
export function linearLogits(w: LinearWeights, xi: Float32Array): Float32Array {
  const classes = w.bias.length;
  const dim = xi.length;
  const out = new Float32Array(classes);
  for (let c = 0; c < classes; c++) {
    let s = w.bias[c];
    for (let d = 0; d < dim; d++) s += w.weights[c * dim + d] * xi[d];
    out[c] = s;
  }
  return out;
}

/** Temperature that minimises the negative log-likelihood on held-out logits (Guo et al., 2017). */
export function fitTemperature(logits: Float32Array[], y: number[]): number {
  let best = 1;
  let bestNll = Infinity;
  for (let t = 0.3; t <= 5; t += 0.05) {
    let nll = 0;
    logits.forEach((l, i) => {
      let max = -Infinity;
      for (const v of l) max = Math.max(max, v / t);
      let sum = 0;
      for (const v of l) sum += Math.exp(v / t - max);
      nll -= l[y[i]] / t - max - Math.log(sum);
    });
    if (nll < bestNll) {
      bestNll = nll;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

function adam(p: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, t: number, lr: number, n: number, l2: number): void {
  const b1 = 0.9,
    b2 = 0.999,
    eps = 1e-8;
  const c1 = 1 - b1 ** t,
    c2 = 1 - b2 ** t;
  for (let i = 0; i < p.length; i++) {
    const gi = g[i] / n + l2 * p[i];
    m[i] = b1 * m[i] + (1 - b1) * gi;
    v[i] = b2 * v[i] + (1 - b2) * gi * gi;
    p[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
  }
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(a: T[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}
