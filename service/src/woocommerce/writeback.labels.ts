import type { AnnotationLike, WritebackOptions } from "./writeback.types.js";

/** Colours covering less of the garment than this are not written unless a threshold says so. */
export const DEFAULT_COLOR_SHARE = 0.2;
/** At most this many colours are written, largest share first. */
export const MAX_COLORS = 2;

/**
 * The labels of one annotation field that are sure enough to write, or a reason why none are.
 * `category` and attribute groups give at most one label; `colors` gives up to MAX_COLORS.
 */
export function labelsFor(
  annotation: AnnotationLike,
  field: string,
  thresholds: WritebackOptions["thresholds"] = {},
): { labels: string[]; reason?: string } {
  const min = thresholds[field];
  if (field === "colors") {
    const colors = [...(annotation.colors ?? [])]
      .filter((c) => c.share >= (min ?? DEFAULT_COLOR_SHARE))
      .sort((a, b) => b.share - a.share)
      .slice(0, MAX_COLORS);
    return colors.length > 0
      ? { labels: colors.map((c) => c.name) }
      : { labels: [], reason: "no colour covers enough of the garment" };
  }
  const predicted = field === "category" ? annotation.category : annotation.attributes?.[field];
  if (!predicted) return { labels: [], reason: "the model pack does not predict this field" };
  const sure = min === undefined ? predicted.confident : predicted.score >= min;
  if (!sure) {
    return {
      labels: [],
      reason: `"${predicted.label}" scored ${predicted.score.toFixed(2)}, under the threshold; it needs a person's review`,
    };
  }
  return { labels: [predicted.label] };
}

/** WordPress-like slug, to compare a label with term slugs ("Eco friendly" ~ "eco-friendly"). */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** True when `label` names the term: same name ignoring case, or same slug. */
export function sameTerm(label: string, term: { name: string; slug?: string }): boolean {
  if (label.toLowerCase() === term.name.toLowerCase()) return true;
  const s = slugify(label);
  return s !== "" && (s === term.slug || s === slugify(term.name));
}

/** "red" → "Red": how a new attribute term is spelled when the shop has none by that name. */
export function titleCase(label: string): string {
  return label.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
