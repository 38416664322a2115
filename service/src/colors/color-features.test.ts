import { describe, expect, it } from "vitest";

import { colorFeatures, COLOR_FEATURE_DIM } from "./color-features.js";
import { garmentPixels } from "./garment-mask.js";
import { PALETTE } from "./palette.js";

/** A 32×32 photo: white studio backdrop, a garment of one colour in the middle. */
function photo(garment: [number, number, number]) {
  const w = 32;
  const data = new Uint8Array(w * w * 3).fill(255);
  for (let y = 8; y < 24; y++) for (let x = 8; x < 24; x++) data.set(garment, (y * w + x) * 3);
  return { data, width: w, height: w };
}
const features = (rgb: [number, number, number]) => {
  const g = photo(rgb);
  return colorFeatures(g, garmentPixels(g));
};
const distance = (a: Float32Array, b: Float32Array) => Math.hypot(...a.map((v, i) => v - b[i]));

describe("colour features", () => {
  it("describe the garment only, as square-rooted shares", () => {
    const f = features([200, 30, 30]);
    expect(f.length).toBe(COLOR_FEATURE_DIM);
    const names = f.subarray(0, PALETTE.length);
    // All of the garment is one name, none of it the white backdrop.
    expect(names[PALETTE.findIndex((p) => p.name === "red")]).toBeCloseTo(1, 5);
    expect(names[PALETTE.findIndex((p) => p.name === "white")]).toBe(0);
    // Each histogram's squared values sum to 1.
    const whole = f.subarray(PALETTE.length, PALETTE.length + (COLOR_FEATURE_DIM - PALETTE.length) / 2);
    expect(whole.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 5);
  });

  it("tell dark green and dark purple apart, which palette names alone call black", () => {
    const black = features([20, 20, 20]);
    const darkGreen = features([20, 45, 25]);
    const darkPurple = features([40, 20, 45]);
    const names = (f: Float32Array) => Array.from(f.subarray(0, PALETTE.length));
    expect(names(darkGreen)).toEqual(names(black));
    expect(distance(darkGreen, black)).toBeGreaterThan(0.5);
    expect(distance(darkGreen, darkPurple)).toBeGreaterThan(0.5);
  });

  it("change little for a small change of shade", () => {
    expect(distance(features([30, 80, 160]), features([34, 84, 166]))).toBeLessThan(0.2);
  });
});
