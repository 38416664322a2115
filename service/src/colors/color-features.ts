/**
 * The colour input of learned colour heads: how the garment's pixels spread over hue, lightness and
 * chroma, once over the whole garment and once weighted towards the photo's centre (where the
 * product usually is when a model wears it with other clothes).
 *
 * Why not only palette names: dark green, dark purple, dark brown and navy all fall nearest to the
 * palette's "black", so a name histogram cannot tell them apart; hue bins keep what little chroma a
 * dark garment has. Votes are split between neighbouring bins so a colour on a bin edge does not
 * jump, and every histogram is square-rooted (Hellinger), which suits a linear head.
 */
import type { PixelGrid } from "../repositories/image.repository.js";
import type { GarmentPixels } from "./garment-mask.js";
import { nearestPaletteIndexOf } from "./name-color.js";
import { PALETTE } from "./palette.js";

const HUES = 12;
const CHROMATIC_LIGHTNESS = [25, 50, 75]; // bin centres, L*
const NEUTRAL_LIGHTNESS = [5, 22, 40, 58, 76, 94];
const CHROMA_FROM = 5; // below: a neutral (grey) pixel; above CHROMA_FROM + CHROMA_RAMP: fully chromatic
const CHROMA_RAMP = 12;
const CENTRE_SIGMA = 0.3; // of the grid's side

const HISTOGRAM_DIM = NEUTRAL_LIGHTNESS.length + HUES * CHROMATIC_LIGHTNESS.length;
/** Palette names, then the hue/lightness histogram of the whole garment, then centre-weighted. */
export const COLOR_FEATURE_DIM = PALETTE.length + 2 * HISTOGRAM_DIM;

export function colorFeatures(grid: PixelGrid, garment: GarmentPixels): Float32Array {
  const out = new Float32Array(COLOR_FEATURE_DIM);
  const names = out.subarray(0, PALETTE.length);
  const whole = out.subarray(PALETTE.length, PALETTE.length + HISTOGRAM_DIM);
  const centre = out.subarray(PALETTE.length + HISTOGRAM_DIM);
  const { labs, positions, count } = garment;
  for (let i = 0; i < count; i++) {
    const L = labs[i * 3],
      a = labs[i * 3 + 1],
      b = labs[i * 3 + 2];
    names[nearestPaletteIndexOf(L, a, b)] += 1;
    const x = ((positions[i] % grid.width) + 0.5) / grid.width - 0.5;
    const y = (Math.floor(positions[i] / grid.width) + 0.5) / grid.height - 0.5;
    const w = Math.exp(-(x * x + y * y) / (2 * CENTRE_SIGMA * CENTRE_SIGMA));
    vote(whole, L, a, b, 1);
    vote(centre, L, a, b, w);
  }
  normalise(names);
  normalise(whole);
  normalise(centre);
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(out[i]);
  return out;
}

/** Adds one pixel's weight to the histogram, split between neighbouring bins. */
function vote(hist: Float32Array, L: number, a: number, b: number, weight: number): void {
  const chroma = Math.hypot(a, b);
  const chromatic = Math.min(1, Math.max(0, (chroma - CHROMA_FROM) / CHROMA_RAMP));
  if (chromatic < 1) splitLinear(NEUTRAL_LIGHTNESS, L, (k, f) => (hist[k] += weight * (1 - chromatic) * f));
  if (chromatic > 0) {
    const h = ((Math.atan2(b, a) / (2 * Math.PI) + 1) % 1) * HUES - 0.5;
    const h0 = Math.floor(h);
    const fh = h - h0;
    splitLinear(CHROMATIC_LIGHTNESS, L, (l, f) => {
      const base = NEUTRAL_LIGHTNESS.length + l * HUES;
      hist[base + ((h0 + HUES) % HUES)] += weight * chromatic * f * (1 - fh);
      hist[base + ((h0 + 1) % HUES)] += weight * chromatic * f * fh;
    });
  }
}

/** Splits a value between the two nearest bin centres (all of it to the end bin beyond the ends). */
function splitLinear(centres: number[], v: number, add: (bin: number, share: number) => void): void {
  if (v <= centres[0]) return add(0, 1);
  const last = centres.length - 1;
  if (v >= centres[last]) return add(last, 1);
  let k = 0;
  while (v > centres[k + 1]) k++;
  const f = (v - centres[k]) / (centres[k + 1] - centres[k]);
  add(k, 1 - f);
  add(k + 1, f);
}

function normalise(h: Float32Array): void {
  let sum = 0;
  for (const v of h) sum += v;
  if (sum > 0) for (let i = 0; i < h.length; i++) h[i] /= sum;
}
