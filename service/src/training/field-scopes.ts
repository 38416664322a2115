/**
 * Which garment categories each attribute was learned on. The labels come from where the data has
 * them: sleeve length from topwear names (never a shoe's, or a pair of shorts'), pattern from
 * clothing. A head still answers for any photo, so without a scope it named the sleeves of shorts
 * and the pattern of a plain green square, "confidently". The scope lets the service leave an
 * attribute out where the photo is not one of the garments it was learned on.
 */
import type { Example } from "./datasets.js";

/** A category counts in a field's scope from this many labelled examples. */
const MIN_EXAMPLES = 10;
/** A field is scoped only if the categories outside its scope are at least this share of the photos. */
const MIN_LEFT_OUT = 0.1;

/**
 * For each field, the categories it applies to, or nothing when it applies to (nearly) all: gender,
 * usage and colour are labelled on almost every kind of product.
 */
export function fieldScopes(examples: Example[], fields: string[]): Record<string, string[] | undefined> {
  const photos = new Map<string, number>();
  for (const e of examples) if (e.labels.category) photos.set(e.labels.category, (photos.get(e.labels.category) ?? 0) + 1);
  const total = [...photos.values()].reduce((a, b) => a + b, 0);
  const out: Record<string, string[] | undefined> = {};
  for (const field of fields) {
    const labelled = new Map<string, number>();
    for (const e of examples) {
      const c = e.labels.category;
      if (c && e.labels[field as keyof Example["labels"]] !== undefined) labelled.set(c, (labelled.get(c) ?? 0) + 1);
    }
    const scope = [...labelled.entries()]
      .filter(([, n]) => n >= MIN_EXAMPLES)
      .map(([c]) => c)
      .sort();
    const leftOut = [...photos.entries()].filter(([c]) => !scope.includes(c)).reduce((a, [, n]) => a + n, 0);
    out[field] = leftOut / total >= MIN_LEFT_OUT ? scope : undefined;
  }
  return out;
}
