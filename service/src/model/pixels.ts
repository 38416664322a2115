/** Turns RGB bytes into the encoder's NCHW float input with the pack's normalisation. */
import type { PixelGrid } from "../repositories/image.repository.js";

export function toEncoderTensor(grids: PixelGrid[], mean: number[], std: number[]): { data: Float32Array; dims: number[] } {
  const { width, height } = grids[0];
  const plane = width * height;
  const data = new Float32Array(grids.length * 3 * plane);
  grids.forEach((g, n) => {
    if (g.width !== width || g.height !== height) throw new Error("all images in a batch must have the same size");
    const base = n * 3 * plane;
    for (let p = 0; p < plane; p++) {
      for (let c = 0; c < 3; c++) data[base + c * plane + p] = (g.data[p * 3 + c] / 255 - mean[c]) / std[c];
    }
  });
  return { data, dims: [grids.length, 3, height, width] };
}

/** The photo flipped left to right (test-time augmentation at run time, a training view in the tail cache). */
export function mirror(g: PixelGrid): PixelGrid {
  const { width, height } = g;
  const src = g.data;
  const data = new Uint8Array(src.length);
  // Plain indexing: a subarray per pixel made this 2 ms of a 20 ms annotation.
  for (let y = 0; y < height; y++) {
    const row = y * width * 3;
    for (let x = 0, to = row + (width - 1) * 3; x < width; x++, to -= 3) {
      const from = row + x * 3;
      data[to] = src[from];
      data[to + 1] = src[from + 1];
      data[to + 2] = src[from + 2];
    }
  }
  return { data, width, height };
}
