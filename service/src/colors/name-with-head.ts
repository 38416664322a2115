/** Combines the pixel colours (where, how much) with the colour head's name for the main colour. */
import type { Prediction } from "../model/heads.js";
import type { DominantColor } from "./dominant-colors.js";

/**
 * Pixel clusters find where the colours are and how much of each; naming shades is where they
 * fail (charcoal called black, cream called white, a print's background called the garment's
 * colour). The colour head, trained on catalogue colour names, names the main colour better
 * (docs/quality.md: 0.61 against 0.40 strict), so its label wins; its own `confident` flag tells
 * clients whether to trust it without review.
 */
export function nameWithHead(colors: DominantColor[], head?: Prediction): DominantColor[] {
  if (!head || !colors.length || colors[0].name === head.label) return colors;
  const i = colors.findIndex((c) => c.name === head.label);
  if (i > 0) return [colors[i], ...colors.slice(0, i), ...colors.slice(i + 1)];
  return [{ ...colors[0], name: head.label }, ...colors.slice(1)];
}
