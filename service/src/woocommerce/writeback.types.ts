import type { ProductUpdate, WcGlobalAttribute, WcTerm } from "./woocommerce.types.js";

/** One predicted label, as in the annotation answer of docs/api.md. */
export interface PredictedLabel {
  label: string;
  score: number;
  /** False when the score is under the field's abstain threshold. */
  confident?: boolean;
}

export interface PredictedColor {
  name: string;
  hex?: string;
  /** Share of the garment's pixels, 0..1. */
  share: number;
}

/** The parts of an annotation (docs/api.md, "Annotation answer") that write-back reads. */
export interface AnnotationLike {
  category?: PredictedLabel | null;
  attributes?: Readonly<Record<string, PredictedLabel>>;
  colors?: readonly PredictedColor[];
  model?: { name: string; version: string };
  /** The shop's own labels, once it has learned them (catalogue learning). */
  shop?: Readonly<Record<string, PredictedLabel>>;
}

/**
 * What to write; the same settings as the plugin's (SettingsSchema.php), so both writers agree.
 * A field is `category`, `color`, or an attribute group of the pack (`pattern`, `usage`, ...).
 */
export interface WritebackOptions {
  /** Fields whose labels become product tags. */
  tagFields: readonly string[];
  /** Fields written to the global attribute `pa_<field>`. */
  attributeFields: readonly string[];
  /** Put the product in the existing category named like the predicted category. */
  setCategory: boolean;
  /**
   * Never overrule a person: with it, an attribute or category a person filled gets nothing
   * added; without it, a confident suggestion replaces a person's attribute or category.
   * A person's tags stay in every case.
   */
  protectManual: boolean;
  /** Minimum score per field, `default` for the others; for `color` the minimum share of the garment. */
  thresholds?: Readonly<Record<string, number>>;
}

/** Shop data the plan needs to turn names into ids; `applyWriteback` reads it from the shop. */
export interface WritebackCatalog {
  attributes: readonly WcGlobalAttribute[];
  /** Existing terms per global attribute id, to reuse their exact spelling. */
  terms: Readonly<Record<number, readonly WcTerm[]>>;
  categories: readonly WcTerm[];
}

/**
 * Meta `_kalas_iris_applied`, shared with the plugin (AnnotationMeta::APPLIED): per taxonomy
 * (`product_tag`, `product_cat`, `pa_color`, ...) the term names Kalas Iris added, and the ones a
 * person removed after it added them (never added again).
 */
export type AppliedRecord = Record<string, { applied: string[]; declined: string[] }>;

/** Term names per taxonomy. */
export type TermsByTaxonomy = Record<string, string[]>;

export interface SkippedField {
  taxonomy: string;
  reason: string;
}

/** The result of planning: the PUT body and an account of it for logs and the admin UI. */
export interface WritebackPlan {
  /** PUT products/<id> body; `{}` when nothing changes. */
  body: ProductUpdate;
  changed: boolean;
  add: TermsByTaxonomy;
  remove: TermsByTaxonomy;
  skipped: SkippedField[];
  /** The record `body` stores in `_kalas_iris_applied`. */
  record: AppliedRecord;
}
