/**
 * The dominant colours of a garment: k-means in Lab over the garment's pixels, each cluster
 * named from the palette, clusters with the same name merged, and each name's share of the
 * garment reported.
 */
import type { DominantColor } from "../openapi/answers.js";
import type { PixelGrid } from "../repositories/image.repository.js";
import { garmentPixels, type GarmentPixels } from "./garment-mask.js";
import { rgbToHex } from "./lab.js";
import { nearestPaletteIndex } from "./name-color.js";
import { PALETTE } from "./palette.js";

const K = 5;
const ITERATIONS = 8;
const MIN_SHARE = 0.06;

export function dominantColors(grid: PixelGrid, max = 3, garment: GarmentPixels = garmentPixels(grid)): DominantColor[] {
  const { labs, rgbs, count } = garment;
  if (!count) return [];
  const centres = initCentres(labs, count);
  const k = centres.length / 3;
  const assign = new Int32Array(count);
  for (let it = 0; it < ITERATIONS; it++) {
    for (let i = 0; i < count; i++) assign[i] = nearest(labs, i, centres);
    const sums = new Float64Array(k * 4);
    for (let i = 0; i < count; i++) {
      const c = assign[i] * 4;
      sums[c] += labs[i * 3];
      sums[c + 1] += labs[i * 3 + 1];
      sums[c + 2] += labs[i * 3 + 2];
      sums[c + 3]++;
    }
    for (let c = 0; c < k; c++) if (sums[c * 4 + 3]) for (let d = 0; d < 3; d++) centres[c * 3 + d] = sums[c * 4 + d] / sums[c * 4 + 3];
  }
  const names = Array.from({ length: k }, (_, c) => nearestPaletteIndex([centres[c * 3], centres[c * 3 + 1], centres[c * 3 + 2]]));
  const byName = new Map<number, { count: number; rgb: [number, number, number] }>();
  for (let i = 0; i < count; i++) {
    const name = names[assign[i]];
    const e = byName.get(name) ?? { count: 0, rgb: [0, 0, 0] };
    e.count++;
    for (let d = 0; d < 3; d++) e.rgb[d] += rgbs[i * 3 + d];
    byName.set(name, e);
  }
  return [...byName.entries()]
    .map(([index, e]) => ({
      name: PALETTE[index].name,
      hex: rgbToHex(e.rgb[0] / e.count, e.rgb[1] / e.count, e.rgb[2] / e.count),
      share: Math.round((e.count / count) * 1000) / 1000,
    }))
    .filter((c) => c.share >= MIN_SHARE)
    .sort((a, b) => b.share - a.share)
    .slice(0, max);
}

/** Deterministic farthest-point start: the mean, then repeatedly the pixel farthest from all centres. */
function initCentres(labs: Float32Array, count: number): number[] {
  const centres = [0, 0, 0];
  for (let i = 0; i < count; i++) for (let d = 0; d < 3; d++) centres[d] += labs[i * 3 + d] / count;
  const minD = new Float64Array(count).fill(Infinity);
  while (centres.length / 3 < K) {
    const c = centres.length - 3;
    let far = -1;
    let farD = -1;
    for (let i = 0; i < count; i++) {
      const x = labs[i * 3] - centres[c],
        y = labs[i * 3 + 1] - centres[c + 1],
        z = labs[i * 3 + 2] - centres[c + 2];
      minD[i] = Math.min(minD[i], x * x + y * y + z * z);
      if (minD[i] > farD) {
        farD = minD[i];
        far = i;
      }
    }
    if (farD < 64) break;
    centres.push(labs[far * 3], labs[far * 3 + 1], labs[far * 3 + 2]);
  }
  return centres;
}

function nearest(labs: Float32Array, i: number, centres: number[]): number {
  let best = 0;
  let bestD = Infinity;
  for (let c = 0; c < centres.length; c += 3) {
    const x = labs[i * 3] - centres[c],
      y = labs[i * 3 + 1] - centres[c + 1],
      z = labs[i * 3 + 2] - centres[c + 2];
    const d = x * x + y * y + z * z;
    if (d < bestD) {
      bestD = d;
      best = c / 3;
    }
  }
  return best;
}
