/** Shapes of the service's answers, as docs/api.md defines them. */

import type { SimilarItem } from '../../../src/openapi/answers';

// The service's own answer types: one definition for the service, this app and the admin UI.
export type { Annotation, DominantColor as Colour, Prediction, SimilarItem } from '../../../src/openapi/answers';

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
