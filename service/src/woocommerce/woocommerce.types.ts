/**
 * The parts of WooCommerce REST v3 (wc/v3) shapes that Kalas Iris reads or writes.
 * Field names and semantics follow the recordings of WooCommerce 9.9.5 in shared/woocommerce/.
 */

/** Credentials of a WooCommerce REST API key (WooCommerce → Settings → Advanced → REST API). */
export interface WooCommerceCredentials {
  /** Shop base URL, e.g. `https://shop.example` (no `/wp-json`). */
  url: string;
  consumerKey: string;
  consumerSecret: string;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
}

export interface WcTermRef {
  id: number;
  name: string;
  slug: string;
}

/** A product attribute as WooCommerce returns it; `id` 0 means a local (per-product) attribute. */
export interface WcProductAttribute {
  id: number;
  name: string;
  slug?: string;
  position: number;
  visible: boolean;
  variation: boolean;
  options: string[];
}

export interface WcMeta {
  id?: number;
  key: string;
  value: unknown;
}

export interface WcImage {
  id: number;
  src: string;
  name?: string;
  alt?: string;
}

/** A product as GET/PUT products/<id> returns it (only the fields Kalas Iris uses are typed). */
export interface WcProduct {
  id: number;
  name: string;
  permalink?: string;
  status?: string;
  type?: string;
  tags: WcTermRef[];
  categories: WcTermRef[];
  attributes: WcProductAttribute[];
  images?: WcImage[];
  meta_data: WcMeta[];
  [field: string]: unknown;
}

/** A global attribute (products/attributes): `slug` carries the `pa_` prefix. */
export interface WcGlobalAttribute {
  id: number;
  name: string;
  slug: string;
  type?: string;
}

export interface WcTerm {
  id: number;
  name: string;
  slug: string;
  count?: number;
}

/** Attribute item of a PUT body. Global: `{id, ...}`; local: `{name, ...}`. */
export type AttributeWrite =
  | { id: number; options: string[]; visible: boolean; variation: boolean; position: number }
  | { name: string; options: string[]; visible: boolean; variation: boolean; position: number };

/** Tag item of a PUT body: an existing tag by id, or a tag by exact name (reused or created). */
export type TagWrite = { id: number } | { name: string };

/** Body of PUT products/<id>. Lists given here REPLACE the product's lists; meta_data merges by key. */
export interface ProductUpdate {
  tags?: TagWrite[];
  categories?: { id: number }[];
  attributes?: AttributeWrite[];
  meta_data?: { key: string; value: string | null }[];
}

/** Query of GET products; values are sent as strings, arrays joined by commas. */
export type ListQuery = Record<string, string | number | boolean | readonly string[] | undefined>;

/** One page of a list, with the totals WooCommerce sends in X-WP-Total / X-WP-TotalPages. */
export interface Page<T> {
  items: T[];
  page: number;
  total: number;
  totalPages: number;
}
