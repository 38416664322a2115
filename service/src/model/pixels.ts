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
