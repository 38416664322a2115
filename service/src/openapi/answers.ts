/**
 * The JSON shapes of the service's answers, as docs/api.md and openapi.ts describe them. The web app
 * (service/web) and the admin UI (admin-ui, through the plugin) import these types from here, so a
 * change of the API reaches every client's type check. Types only, importing nothing: any of the three
 * compilers can read this file, and no code of the service ends up in a client's bundle.
 */

export interface Prediction {
  label: string;
  score: number;
  /** Whether the score clears the field's abstain threshold. */
  confident: boolean;
  alternatives: { label: string; score: number }[];
}

export interface DominantColor {
  name: string;
  /** The garment's own average colour for this name, not the palette swatch. */
  hex: string;
  share: number;
}

export interface Annotation {
  /** Null when the loaded pack has no category head. */
  category: Prediction | null;
  attributes: Record<string, Prediction>;
  colors: DominantColor[];
  /** The main colour as the pack's colour head names it, when the pack has one. */
  color?: Prediction;
  model: { name: string; version: string };
  timing_ms: number;
  /** Predictions of the shop's own labels, when the shop has learned them (catalogue learning). */
  shop?: Record<string, Prediction>;
}

export interface SimilarItem {
  id: string;
  score: number;
  name: string | null;
  permalink: string | null;
  image_url: string | null;
}

/** A person's corrected labels, as `POST /v1/feedback` takes them and `GET /v1/feedback` answers them. */
export interface FeedbackCorrection {
  category?: string;
  attributes?: Record<string, string | string[]>;
  colors?: string[];
  /** The shop's own labels ({field: value}), e.g. its product category name. */
  labels?: Record<string, string>;
}

/** "pending" until a person accepts or rejects the correction. */
export type FeedbackReview = "pending" | "accepted" | "rejected";

/** One stored correction (`GET /v1/feedback`, `PATCH /v1/feedback/{id}`). */
export interface FeedbackItem {
  id: number;
  product_id: string | null;
  /** Whether its photo is stored (`GET /v1/feedback/{id}/image`); not when it named an indexed product. */
  has_image: boolean;
  correction: FeedbackCorrection;
  /** What the model had said, as the client sent it. */
  original: unknown;
  /** "web": sent through a public web session of the try-it page; "key": with the shop's API key. */
  source: "web" | "key";
  review: FeedbackReview;
  /** Whether it takes part in the shop's predictions and learning now. */
  learns: boolean;
  created_at: string;
}

export interface FeedbackList {
  items: FeedbackItem[];
  /** How many corrections match the filters, over all pages. */
  total: number;
}

/** What a shop has learned, and whether it is learning (`GET /v1/learn`). */
export interface LearnStatus {
  /**
   * By field: its labels, how many products and corrections taught them, and when; `stale` when it
   * was learned with another model pack, so it predicts nothing until the shop learns again.
   */
  fields: Record<string, { labels: string[]; examples: number; holdout_accuracy: number | null; trained_at: string; stale: boolean }>;
  /** Whether a learning run is under way now. */
  running: boolean;
  /** When the shop learns again by itself for corrections that changed, or null. */
  next_run_at: string | null;
}
