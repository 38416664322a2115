/**
 * Separates the garment from the background in a small RGB grid, so colours are measured on the
 * product and not on the studio backdrop, the floor or the bed it was photographed on.
 *
 * Background is grown from the image border: a pixel joins it when it is close to its
 * background neighbour (a smooth surface) and close to one of the colours seen on the border.
 * Skin is then left out when enough garment remains, because worn items show arms and faces.
 */
import type { PixelGrid } from "../repositories/image.repository.js";
import { rgbToLab } from "./lab.js";

export interface GarmentPixels {
  /** Lab values of the garment's pixels, 3 per pixel. */
  labs: Float32Array;
  /** RGB values of the same pixels, 3 per pixel. */
  rgbs: Uint8Array;
  count: number;
  /** Where each of those pixels is in the grid (row-major index). */
  positions: Int32Array;
  /** Fraction of the image the garment covers. */
  coverage: number;
}

const STEP_TOLERANCE = 7; // ΔE between neighbours on one smooth background surface
const SEED_TOLERANCE = 22; // ΔE from the nearest border colour
const MIN_COVERAGE = 0.06;

export function garmentPixels(grid: PixelGrid): GarmentPixels {
  const { width: w, height: h, data } = grid;
  const n = w * h;
  const lab = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const [L, a, b] = rgbToLab(data[i * 3], data[i * 3 + 1], data[i * 3 + 2]);
    lab[i * 3] = L;
    lab[i * 3 + 1] = a;
    lab[i * 3 + 2] = b;
  }
  const d2 = (i: number, j: number) => {
    const x = lab[i * 3] - lab[j * 3],
      y = lab[i * 3 + 1] - lab[j * 3 + 1],
      z = lab[i * 3 + 2] - lab[j * 3 + 2];
    return x * x + y * y + z * z;
  };

  const border: number[] = [];
  for (let x = 0; x < w; x++) border.push(x, (h - 1) * w + x);
  for (let y = 1; y < h - 1; y++) border.push(y * w, y * w + w - 1);
  const seeds = borderColors(border, lab);
  const seedNear = (i: number) => {
    for (let s = 0; s < seeds.length; s += 3) {
      const x = lab[i * 3] - seeds[s],
        y = lab[i * 3 + 1] - seeds[s + 1],
        z = lab[i * 3 + 2] - seeds[s + 2];
      if (x * x + y * y + z * z < SEED_TOLERANCE ** 2) return true;
    }
    return false;
  };

  const background = new Uint8Array(n);
  const queue = new Int32Array(n);
  let top = 0;
  for (const i of border) {
    if (!background[i] && seedNear(i)) {
      background[i] = 1;
      queue[top++] = i;
    }
  }
  const step2 = STEP_TOLERANCE ** 2;
  const visit = (i: number, j: number) => {
    if (!background[j] && d2(i, j) < step2 && seedNear(j)) {
      background[j] = 1;
      queue[top++] = j;
    }
  };
  while (top > 0) {
    const i = queue[--top];
    const x = i % w;
    if (x > 0) visit(i, i - 1);
    if (x < w - 1) visit(i, i + 1);
    if (i >= w) visit(i, i - w);
    if (i < n - w) visit(i, i + w);
  }

  let garment: number[] = [];
  for (let i = 0; i < n; i++) if (!background[i]) garment.push(i);
  if (garment.length < n * MIN_COVERAGE) garment = centreRegion(w, h);
  const withoutSkin = garment.filter((i) => !isSkin(data[i * 3], data[i * 3 + 1], data[i * 3 + 2]));
  if (withoutSkin.length >= garment.length * 0.35) garment = withoutSkin;

  const labs = new Float32Array(garment.length * 3);
  const rgbs = new Uint8Array(garment.length * 3);
  garment.forEach((i, k) => {
    for (let c = 0; c < 3; c++) {
      labs[k * 3 + c] = lab[i * 3 + c];
      rgbs[k * 3 + c] = data[i * 3 + c];
    }
  });
  return { labs, rgbs, count: garment.length, positions: Int32Array.from(garment), coverage: garment.length / n };
}

/** Up to three colours that each cover a real part of the border, flat Lab triples. */
function borderColors(border: number[], lab: Float32Array): number[] {
  const clusters: { l: number[]; count: number }[] = [];
  const r2 = (SEED_TOLERANCE / 2) ** 2;
  for (const i of border) {
    const p = [lab[i * 3], lab[i * 3 + 1], lab[i * 3 + 2]];
    const c = clusters.find((k) => (k.l[0] - p[0]) ** 2 + (k.l[1] - p[1]) ** 2 + (k.l[2] - p[2]) ** 2 < r2);
    if (c) {
      c.count++;
      for (let d = 0; d < 3; d++) c.l[d] += (p[d] - c.l[d]) / c.count;
    } else clusters.push({ l: p, count: 1 });
  }
  clusters.sort((a, b) => b.count - a.count);
  return clusters
    .filter((c) => c.count >= border.length * 0.1)
    .slice(0, 3)
    .flatMap((c) => c.l);
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
