import type { ProductUpdate, WcGlobalAttribute, WcTerm } from "./woocommerce.types.js";

/** One predicted label, as in the annotation answer of docs/api.md. */
export interface PredictedLabel {
  label: string;
  score: number;
  /** False when the score is under the field's abstain threshold. */
  confident: boolean;
}

export interface PredictedColor {
  name: string;
  hex?: string;
  /** Share of the garment's pixels, 0..1. */
  share: number;
}

/** The parts of an annotation (docs/api.md, "Annotation answer") that write-back reads. */
export interface AnnotationLike {
  category?: PredictedLabel;
  attributes?: Readonly<Record<string, PredictedLabel>>;
  colors?: readonly PredictedColor[];
  model?: { name: string; version: string };
}

/**
 * What to write. Field names are `category`, `colors`, or an attribute group of the pack
 * (`gender`, `usage`, `pattern`, ...).
 */
export interface WritebackOptions {
  /** Fields whose labels become product tags. */
  tagFields: readonly string[];
  /** Field → the global attribute it fills, by slug (`pa_color` or `color`) or id. */
  attributeFields: Readonly<Record<string, string | number>>;
  /** Put the product in the existing category whose name or slug matches the predicted category. */
  setCategory: boolean;
  /**
   * When true, an attribute or the category list that a person has already filled is left
   * exactly as it is. Tags a person typed are kept in every case.
   */
  protectManual: boolean;
  /**
   * Minimum score per field (for `colors`: minimum share). A field without one uses the
   * annotation's `confident` flag; colors default to DEFAULT_COLOR_SHARE.
   */
  thresholds?: Readonly<Record<string, number>>;
}

/** Shop data the plan needs to turn names into ids; `applyWriteback` reads it from the shop. */
export interface WritebackCatalog {
  attributes: readonly WcGlobalAttribute[];
  /** Existing terms per global attribute id, to reuse their exact spelling. */
  terms: Readonly<Record<number, readonly WcTerm[]>>;
  categories: readonly WcTerm[];
}

/** What Kalas Iris has written to a product, kept in meta `_kalas_iris_applied`. */
export interface AppliedRecord {
  v: 1;
  /** Tag names Kalas Iris added (a tag the product already had is never listed). */
  tags: string[];
  /** Global attribute id → option names Kalas Iris added. */
  attributes: Record<string, string[]>;
  /** Category ids Kalas Iris added. */
  categories: number[];
  model?: { name: string; version: string };
}

export interface SkippedField {
  field: string;
  reason: string;
}

/** The result of planning: the PUT body and an account of it for logs and the admin UI. */
export interface WritebackPlan {
  /** PUT products/<id> body; `{}` when there is nothing to change. */
  body: ProductUpdate;
  changed: boolean;
  added: { tags: string[]; attributes: Record<string, string[]>; categories: number[] };
  /** Terms Kalas Iris had added earlier that the new annotation no longer supports. */
  removed: { tags: string[]; attributes: Record<string, string[]>; categories: number[] };
  skipped: SkippedField[];
  /** The record that `body` stores in `_kalas_iris_applied`. */
  applied: AppliedRecord;
}
