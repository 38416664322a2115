import { describe, expect, it } from "vitest";

import { mirror } from "../model/pixels.js";
import { zoomCrop } from "./augment.js";

const grid = (w: number, h: number, at: (x: number, y: number) => [number, number, number]) => {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(at(x, y), (y * w + x) * 3);
  return { data, width: w, height: h };
};

describe("training views", () => {
  it("mirrors left to right, and twice is the photo itself", () => {
    const g = grid(5, 3, (x, y) => [x * 10, y * 10, 7]);
    const m = mirror(g);
    expect(Array.from(m.data.subarray(0, 3))).toEqual([40, 0, 7]);
    expect(mirror(m).data).toEqual(g.data);
  });

  it("zooms into a seeded part of the photo without changing its colours", () => {
    // Left half red, right half blue: a crop keeps only those two colours (and their blend at the edge).
    const g = grid(40, 40, (x) => (x < 20 ? [200, 0, 0] : [0, 0, 200]));
    const z = zoomCrop(g, 3);
    expect(z.width).toBe(40);
    for (let i = 0; i < z.data.length; i += 3) expect(z.data[i] + z.data[i + 2]).toBeGreaterThanOrEqual(199);
    expect(zoomCrop(g, 3).data).toEqual(z.data);
    // A crop of at most 90% of the side shows the boundary at a different place than the photo does.
    expect(z.data).not.toEqual(g.data);
    // A gradient shows the zoom: neighbouring pixels differ less than in the photo.
    const ramp = grid(100, 1, (x) => [x * 2, 0, 0]);
    const zr = zoomCrop(ramp, 1);
    expect(zr.data[3 * 99] - zr.data[0]).toBeLessThan(ramp.data[3 * 99] - ramp.data[0]);
  });
});
