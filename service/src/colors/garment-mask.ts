/**
 * Separates the garment from the background in a small RGB grid, so colours are measured on the
 * product and not on the studio backdrop, the floor or the bed it was photographed on.
 *
 * Background is grown from the image border: a pixel joins it when it is close to its
 * background neighbour (a smooth surface) and close to one of the colours seen on the border.
 * Skin is then left out when enough garment remains, because worn items show arms and faces.
 */
import type { PixelGrid } from "../repositories/image.repository.js";
import { labDistance, rgbToLab, type Lab } from "./lab.js";

export interface GarmentPixels {
  labs: Lab[];
  rgbs: [number, number, number][];
  /** Fraction of the image the garment covers. */
  coverage: number;
}

const STEP_TOLERANCE = 7; // ΔE between neighbours on one smooth background surface
const SEED_TOLERANCE = 22; // ΔE from the nearest border colour
const MIN_COVERAGE = 0.06;

export function garmentPixels(grid: PixelGrid): GarmentPixels {
  const { width: w, height: h, data } = grid;
  const n = w * h;
  const labs: Lab[] = new Array(n);
  for (let i = 0; i < n; i++) labs[i] = rgbToLab(data[i * 3], data[i * 3 + 1], data[i * 3 + 2]);

  const border: number[] = [];
  for (let x = 0; x < w; x++) border.push(x, (h - 1) * w + x);
  for (let y = 1; y < h - 1; y++) border.push(y * w, y * w + w - 1);
  const seeds = borderColors(border.map((i) => labs[i]));

  const background = new Uint8Array(n);
  const queue: number[] = [];
  for (const i of border) {
    if (nearest(labs[i], seeds) < SEED_TOLERANCE) {
      background[i] = 1;
      queue.push(i);
    }
  }
  while (queue.length) {
    const i = queue.pop()!;
    const x = i % w;
    const y = (i / w) | 0;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1]) {
      if (j < 0 || background[j]) continue;
      if (labDistance(labs[i], labs[j]) < STEP_TOLERANCE && nearest(labs[j], seeds) < SEED_TOLERANCE) {
        background[j] = 1;
        queue.push(j);
      }
    }
  }

  let garment: number[] = [];
  for (let i = 0; i < n; i++) if (!background[i]) garment.push(i);
  if (garment.length < n * MIN_COVERAGE) garment = centreRegion(w, h);

  const withoutSkin = garment.filter((i) => !isSkin(data[i * 3], data[i * 3 + 1], data[i * 3 + 2]));
  if (withoutSkin.length >= garment.length * 0.35) garment = withoutSkin;

  return {
    labs: garment.map((i) => labs[i]),
    rgbs: garment.map((i) => [data[i * 3], data[i * 3 + 1], data[i * 3 + 2]]),
    coverage: garment.length / n,
  };
}

/** Up to three colours that each cover a real part of the border. */
function borderColors(labs: Lab[]): Lab[] {
  const clusters: { lab: Lab; count: number }[] = [];
  for (const l of labs) {
    const c = clusters.find((k) => labDistance(k.lab, l) < SEED_TOLERANCE / 2);
    if (c) {
      c.count++;
      for (let d = 0; d < 3; d++) c.lab[d] += (l[d] - c.lab[d]) / c.count;
    } else clusters.push({ lab: [...l], count: 1 });
  }
  clusters.sort((a, b) => b.count - a.count);
  return clusters.filter((c) => c.count >= labs.length * 0.1).slice(0, 3).map((c) => c.lab);
}

function nearest(l: Lab, seeds: Lab[]): number {
  let best = Infinity;
  for (const s of seeds) best = Math.min(best, labDistance(l, s));
  return best;
}

function centreRegion(w: number, h: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const dx = (x - w / 2) / (w * 0.35);
      const dy = (y - h / 2) / (h * 0.4);
      if (dx * dx + dy * dy <= 1) out.push(y * w + x);
    }
  return out;
}

/** A conservative skin test in YCbCr (Chai & Ngan), tightened towards warm, mid-bright tones. */
function isSkin(r: number, g: number, b: number): boolean {
  const cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
  const cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
  return cr >= 138 && cr <= 170 && cb >= 85 && cb <= 124 && r > g && g > b && r - b > 30 && r > 90;
}
