/** Names a colour with the nearest palette prototype in Lab. */
import { hexToRgb, labDistance, rgbToLab, type Lab } from "./lab.js";
import { PALETTE } from "./palette.js";

const PROTOTYPES: { index: number; lab: Lab }[] = PALETTE.flatMap((c, index) =>
  c.prototypes.map((hex) => ({ index, lab: rgbToLab(...hexToRgb(hex)) })),
);

/** Index into PALETTE of the nearest colour name. */
export function nearestPaletteIndex(lab: Lab): number {
  let best = 0;
  let bestD = Infinity;
  for (const p of PROTOTYPES) {
    const d = labDistance(lab, p.lab);
    if (d < bestD) {
      bestD = d;
      best = p.index;
    }
  }
  return best;
}
