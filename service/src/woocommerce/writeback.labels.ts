import type { AnnotationLike, TermsByTaxonomy, WritebackOptions } from "./writeback.types.js";

/** The plugin's default (SettingsSchema::threshold): a field without a threshold needs this score. */
export const DEFAULT_THRESHOLD = 0.6;

/** Labels confident enough to suggest, in the service's feedback shape. */
export interface SuggestedLabels {
  category: string | null;
  attributes: Record<string, string>;
  colors: string[];
}

function threshold(options: WritebackOptions, field: string): number {
  const t = options.thresholds ?? {};
  return t[field] ?? t.default ?? DEFAULT_THRESHOLD;
}

function passes(p: { label: string; score: number; confident?: boolean } | null | undefined, min: number): boolean {
  return !!p && p.confident !== false && p.score >= min;
}

/**
 * The labels of an annotation that pass their thresholds. Same rules as the plugin's
 * LabelPlan::suggest: `confident: false` never passes; colours pass on their share.
 */
export function suggestLabels(annotation: AnnotationLike, options: WritebackOptions): SuggestedLabels {
  const out: SuggestedLabels = { category: null, attributes: {}, colors: [] };
  // A shop that has learned its own categories gets them in its own words; the model's stands in while it is unsure.
  const min = threshold(options, "category");
  const category = passes(annotation.shop?.category, min) ? annotation.shop!.category : annotation.category;
  if (passes(category, min)) out.category = category!.label;
  for (const [field, p] of Object.entries(annotation.attributes ?? {})) {
    if (passes(p, threshold(options, field))) out.attributes[field] = p.label;
  }
  const minShare = threshold(options, "color");
  for (const c of annotation.colors ?? []) {
    if (c.share >= minShare && !out.colors.includes(c.name)) out.colors.push(c.name);
  }
  return out;
}

/**
 * Which term names the labels become, per taxonomy (LabelPlan::to_terms): tag fields go to
 * `product_tag`, attribute fields to `pa_<field>`, the category to `product_cat`.
 */
export function toTerms(labels: SuggestedLabels, options: WritebackOptions): TermsByTaxonomy {
  const values: Record<string, string[]> = {};
  for (const [field, label] of Object.entries(labels.attributes)) values[field] = [label];
  if (labels.category) values.category = [labels.category];
  if (labels.colors.length > 0) values.color = labels.colors;

  const terms: TermsByTaxonomy = {};
  const put = (taxonomy: string, names: string[]) => {
    const list = (terms[taxonomy] ??= []);
    for (const n of names) if (!list.includes(n)) list.push(n);
  };
  for (const [field, names] of Object.entries(values)) {
    const clean = names.filter((n) => n !== "");
    if (clean.length === 0) continue;
    if (options.tagFields.includes(field)) put("product_tag", clean);
    if (options.attributeFields.includes(field)) put(`pa_${field}`, clean);
    if (field === "category" && options.setCategory) put("product_cat", clean);
  }
  return terms;
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
