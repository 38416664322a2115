/**
 * Label-preserving views of a photo for the tail fine-tune's cache (training only). None of them
 * changes colours: colour is one of the fields being learned.
 */
import { mulberry32 } from "../model/softmax-regression.js";
import type { PixelGrid } from "../repositories/image.repository.js";

/**
 * A square crop of `side` (a fraction of the photo's side) at a seeded position, scaled back to the
 * photo's size (bilinear): the garment a little larger and off-centre, as a shopper's photo frames it.
 */
export function zoomCrop(g: PixelGrid, seed: number, minSide = 0.72, maxSide = 0.9): PixelGrid {
  const random = mulberry32(seed);
  const side = minSide + (maxSide - minSide) * random();
  const cw = g.width * side;
  const ch = g.height * side;
  const left = (g.width - cw) * random();
  const top = (g.height - ch) * random();
  const data = new Uint8Array(g.data.length);
  for (let y = 0; y < g.height; y++) {
    const sy = Math.min(top + ((y + 0.5) * ch) / g.height - 0.5, g.height - 1);
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(g.height - 1, y0 + 1);
    const fy = Math.max(0, sy - y0);
    for (let x = 0; x < g.width; x++) {
      const sx = Math.min(left + ((x + 0.5) * cw) / g.width - 0.5, g.width - 1);
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(g.width - 1, x0 + 1);
      const fx = Math.max(0, sx - x0);
      for (let c = 0; c < 3; c++) {
        const at = (yy: number, xx: number) => g.data[(yy * g.width + xx) * 3 + c];
        const top2 = at(y0, x0) * (1 - fx) + at(y0, x1) * fx;
        const bottom = at(y1, x0) * (1 - fx) + at(y1, x1) * fx;
        data[(y * g.width + x) * 3 + c] = Math.round(top2 * (1 - fy) + bottom * fy);
      }
    }
  }
  return { data, width: g.width, height: g.height };
}
