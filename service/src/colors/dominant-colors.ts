/**
 * The dominant colours of a garment: k-means in Lab over the garment's pixels, each cluster
 * named from the palette, clusters with the same name merged, and each name's share of the
 * garment reported.
 */
import type { PixelGrid } from "../repositories/image.repository.js";
import { garmentPixels } from "./garment-mask.js";
import { labDistance, rgbToHex, type Lab } from "./lab.js";
import { nearestPaletteIndex } from "./name-color.js";
import { PALETTE } from "./palette.js";

export interface DominantColor {
  name: string;
  /** The garment's own average colour for this name, not the palette swatch. */
  hex: string;
  share: number;
}

const K = 5;
const ITERATIONS = 10;
const MIN_SHARE = 0.06;

export function dominantColors(grid: PixelGrid, max = 3): DominantColor[] {
  const { labs, rgbs } = garmentPixels(grid);
  const centres = initCentres(labs);
  const assign = new Int32Array(labs.length);
  for (let it = 0; it < ITERATIONS; it++) {
    for (let i = 0; i < labs.length; i++) assign[i] = nearestCentre(labs[i], centres);
    const sums = centres.map(() => [0, 0, 0, 0]);
    for (let i = 0; i < labs.length; i++) {
      const s = sums[assign[i]];
      s[0] += labs[i][0];
      s[1] += labs[i][1];
      s[2] += labs[i][2];
      s[3]++;
    }
    sums.forEach((s, c) => {
      if (s[3]) centres[c] = [s[0] / s[3], s[1] / s[3], s[2] / s[3]];
    });
  }
  const byName = new Map<number, { count: number; rgb: [number, number, number] }>();
  const names = centres.map((c) => nearestPaletteIndex(c));
  for (let i = 0; i < labs.length; i++) {
    const name = names[assign[i]];
    const e = byName.get(name) ?? { count: 0, rgb: [0, 0, 0] };
    e.count++;
    e.rgb[0] += rgbs[i][0];
    e.rgb[1] += rgbs[i][1];
    e.rgb[2] += rgbs[i][2];
    byName.set(name, e);
  }
  const total = labs.length || 1;
  return [...byName.entries()]
    .map(([index, e]) => ({
      name: PALETTE[index].name,
      hex: rgbToHex(e.rgb[0] / e.count, e.rgb[1] / e.count, e.rgb[2] / e.count),
      share: Math.round((e.count / total) * 1000) / 1000,
    }))
    .filter((c) => c.share >= MIN_SHARE)
    .sort((a, b) => b.share - a.share)
    .slice(0, max);
}

/** A 16-d histogram of palette names over the garment's pixels: the colour input of learned heads. */
export function colorHistogram(grid: PixelGrid): Float32Array {
  const { labs } = garmentPixels(grid);
  const hist = new Float32Array(PALETTE.length);
  for (const l of labs) hist[nearestPaletteIndex(l)]++;
  for (let i = 0; i < hist.length; i++) hist[i] /= labs.length || 1;
  return hist;
}

/** Deterministic farthest-point start: the first centre is the mean, then the farthest pixels. */
function initCentres(labs: Lab[]): Lab[] {
  if (!labs.length) return [[100, 0, 0]];
  const mean: Lab = [0, 0, 0];
  for (const l of labs) for (let d = 0; d < 3; d++) mean[d] += l[d] / labs.length;
  const centres: Lab[] = [mean];
  while (centres.length < K) {
    let far = 0;
    let farD = -1;
    for (let i = 0; i < labs.length; i += 3) {
      const d = Math.min(...centres.map((c) => labDistance(c, labs[i])));
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    if (farD < 8) break;
    centres.push([...labs[far]]);
  }
  return centres;
}

function nearestCentre(l: Lab, centres: Lab[]): number {
  let best = 0;
  let bestD = Infinity;
  centres.forEach((c, i) => {
    const d = labDistance(l, c);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}
