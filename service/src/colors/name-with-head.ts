/** Combines the pixel colours (where, how much) with the colour head's name for the main colour. */
import type { DominantColor, Prediction } from "../openapi/answers.js";
import { hexToRgb, labDistance, rgbToLab } from "./lab.js";
import { PALETTE } from "./palette.js";

/**
 * Pixel clusters find where the colours are and how much of each; naming shades is where they
 * fail (charcoal called black, cream called white, a print's background called the garment's
 * colour). The colour head, trained on catalogue colour names, names the main colour better
 * (docs/quality.md), so its label comes first. When no cluster has that name, the cluster
 * closest to it takes the name, so the swatch's hex still looks like the name it carries.
 * The head's own `confident` flag tells clients whether to trust it without review.
 */
export function nameWithHead(colors: DominantColor[], head?: Prediction): DominantColor[] {
  if (!head || !colors.length || colors[0].name === head.label) return colors;
  let i = colors.findIndex((c) => c.name === head.label);
  if (i < 0) {
    const target = PALETTE.find((p) => p.name === head.label);
    if (!target) return colors;
    const labs = target.prototypes.map((hex) => rgbToLab(...hexToRgb(hex)));
    const distance = (c: DominantColor) => Math.min(...labs.map((l) => labDistance(l, rgbToLab(...hexToRgb(c.hex)))));
    i = colors.reduce((best, c, k) => (distance(c) < distance(colors[best]) ? k : best), 0);
    colors = colors.map((c, k) => (k === i ? { ...c, name: head.label } : c));
  }
  return [colors[i], ...colors.slice(0, i), ...colors.slice(i + 1)];
}
