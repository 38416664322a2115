/** Names a colour with the nearest palette prototype in Lab. */
import { hexToRgb, rgbToLab, type Lab } from "./lab.js";
import { PALETTE } from "./palette.js";

// Flat [L, a, b] per prototype, and the palette index each belongs to: this runs for every
// garment pixel, so no allocation per call.
const PROTO_INDEX: number[] = [];
const PROTO_LAB: number[] = [];
PALETTE.forEach((c, index) =>
  c.prototypes.forEach((hex) => {
    PROTO_INDEX.push(index);
    PROTO_LAB.push(...rgbToLab(...hexToRgb(hex)));
  }),
);
const LABS = Float32Array.from(PROTO_LAB);

/** Index into PALETTE of the nearest colour name. */
export function nearestPaletteIndex(lab: Lab): number {
  return nearestPaletteIndexOf(lab[0], lab[1], lab[2]);
}

export function nearestPaletteIndexOf(L: number, a: number, b: number): number {
  let best = 0;
  let bestD = Infinity;
  for (let p = 0; p < PROTO_INDEX.length; p++) {
    const x = L - LABS[p * 3],
      y = a - LABS[p * 3 + 1],
      z = b - LABS[p * 3 + 2];
    const d = x * x + y * y + z * z;
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  return PROTO_INDEX[best];
}
