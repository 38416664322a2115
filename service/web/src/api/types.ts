/** Shapes of the service's answers, as docs/api.md defines them. */

export interface Prediction {
  label: string;
  score: number;
  confident: boolean;
  alternatives: { label: string; score: number }[];
}

export interface Colour {
  name: string;
  hex: string;
  share: number;
}

export interface Annotation {
  /** Null when the loaded pack has no category head. */
  category: Prediction | null;
  attributes: Record<string, Prediction>;
  colors: Colour[];
  model: { name: string; version: string };
  timing_ms: number;
}

export interface SimilarItem {
  id: string;
  score: number;
  name?: string;
  permalink?: string;
  image_url?: string;
}

export interface SimilarAnswer {
  items: SimilarItem[];
}

/** What the correction form needs from `GET /v1/model`, normalised by model-info.ts. */
export interface ModelInfo {
  name: string;
  version: string;
  categories: string[];
  /** Attribute group name to its labels; the category field is left out. */
  attributes: Record<string, string[]>;
  palette: { name: string; hex?: string }[];
}

/** The body of `POST /v1/feedback`. */
export interface Correction {
  product_id?: string;
  category?: string;
  attributes: Record<string, string>;
  colors: string[];
  original: { category: string | null; attributes: Record<string, string>; colors: string[] };
}

/** The answer of `POST /v1/web/session` in the public demo mode. */
export interface WebSession {
  token: string;
  expires_at: string;
  shop?: string;
}
