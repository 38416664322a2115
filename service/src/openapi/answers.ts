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
