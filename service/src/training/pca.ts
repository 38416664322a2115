/**
 * Principal components by subspace iteration on the covariance matrix: the learned projection
 * that shortens search vectors (1280 → 256 floats) while keeping neighbours.
 */
import { mulberry32 } from "../model/softmax-regression.js";

/** Returns row-major [k x dim] orthonormal components of the centred data. */
export function pca(rows: Float32Array[], k: number, iterations = 12, seed = 7): Float32Array {
  const dim = rows[0].length;
  const cov = new Float64Array(dim * dim);
  for (const r of rows) {
    for (let i = 0; i < dim; i++) {
      const ri = r[i];
      if (ri === 0) continue;
      const row = i * dim;
      for (let j = i; j < dim; j++) cov[row + j] += ri * r[j];
    }
  }
  for (let i = 0; i < dim; i++) for (let j = i; j < dim; j++) cov[j * dim + i] = cov[i * dim + j] /= rows.length;

  const rand = mulberry32(seed);
  let q = new Float64Array(k * dim).map(() => rand() - 0.5);
  orthonormalise(q, k, dim);
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(k * dim);
    for (let c = 0; c < k; c++) {
      for (let i = 0; i < dim; i++) {
        let s = 0;
        const row = i * dim;
        for (let j = 0; j < dim; j++) s += cov[row + j] * q[c * dim + j];
        next[c * dim + i] = s;
      }
    }
    orthonormalise(next, k, dim);
    q = next;
  }
  return Float32Array.from(q);
}

function orthonormalise(q: Float64Array, k: number, dim: number): void {
  for (let c = 0; c < k; c++) {
    for (let p = 0; p < c; p++) {
      let d = 0;
      for (let i = 0; i < dim; i++) d += q[c * dim + i] * q[p * dim + i];
      for (let i = 0; i < dim; i++) q[c * dim + i] -= d * q[p * dim + i];
    }
    let n = 0;
    for (let i = 0; i < dim; i++) n += q[c * dim + i] ** 2;
    n = Math.sqrt(n) || 1;
    for (let i = 0; i < dim; i++) q[c * dim + i] /= n;
  }
}
