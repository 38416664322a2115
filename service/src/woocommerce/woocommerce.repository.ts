import http from "node:http";
import https from "node:https";

import * as wcModule from "@woocommerce/woocommerce-rest-api";

import { isAppError } from "../errors.js";
import type { AddressGuard } from "../repositories/image-fetch.repository.js";
import { fromUpstream, isWooCommerceError, unreachable } from "./woocommerce.errors.js";
import type { ListQuery, Page, ProductUpdate, WcGlobalAttribute, WcProduct, WcTerm, WooCommerceCredentials } from "./woocommerce.types.js";

/** WooCommerce refuses per_page above 100 with 400 rest_invalid_param (recording 074). */
export const MAX_PER_PAGE = 100;

/** A term that was created, or that already existed under that name. */
export interface EnsuredTerm {
  id: number;
  name: string;
  created: boolean;
}

/**
 * The shop's WooCommerce REST API, and only that: no decisions about what to write.
 * Every failure is a `WooCommerceError` with a stable code, except an address the guard
 * refuses (400 `url_not_allowed`, from `addressGuard`).
 */
export interface WooCommerceRepository {
  getProduct(id: number): Promise<WcProduct>;
  /** One page of products, with the totals from X-WP-Total / X-WP-TotalPages. */
  listProducts(query?: ListQuery): Promise<Page<WcProduct>>;
  /** Every page from `query.page` (or the first) up to X-WP-TotalPages, one request per page, lazily. */
  iterateProducts(query?: ListQuery): AsyncGenerator<Page<WcProduct>>;
  /** PUT products/<id>. Lists in `body` replace the product's lists; meta_data merges by key. */
  updateProduct(id: number, body: ProductUpdate): Promise<WcProduct>;
  listAttributes(): Promise<WcGlobalAttribute[]>;
  /** Global attributes by slug; `color` and `pa_color` name the same one. Missing slugs are absent from the map. */
  findAttributesBySlug(slugs: readonly string[]): Promise<Map<string, WcGlobalAttribute>>;
  listAttributeTerms(attributeId: number): Promise<WcTerm[]>;
  /** Creates a term, or returns the existing one (WooCommerce answers 400 term_exists with its id). */
  createAttributeTerm(attributeId: number, name: string): Promise<EnsuredTerm>;
  listCategories(): Promise<WcTerm[]>;
}

/** The part of the package's client that this repository uses. */
interface RestClient {
  get(endpoint: string, params?: Record<string, string>): Promise<unknown>;
  post(endpoint: string, data: unknown, params?: Record<string, string>): Promise<unknown>;
  put(endpoint: string, data: unknown, params?: Record<string, string>): Promise<unknown>;
}
interface RestClientOptions {
  url: string;
  consumerKey: string;
  consumerSecret: string;
  version: "wc/v3";
  timeout: number;
  axiosConfig: Record<string, unknown>;
}
type RestClientCtor = new (opts: RestClientOptions) => RestClient;

// The package is Babel-built CommonJS: under Node ESM the class sits on `.default` of the default import.
function clientClass(): RestClientCtor {
  const m = wcModule as unknown as { default: RestClientCtor | { default: RestClientCtor } };
  const d = m.default;
  return typeof d === "function" ? d : d.default;
}

interface AxiosLikeResponse {
  status: number;
  data: unknown;
  headers: Record<string, string | undefined>;
}

interface AxiosLikeError {
  response?: { status: number; data?: unknown };
  code?: string;
  message?: string;
  /** The error axios wrapped, e.g. the guard's refusal raised inside the socket's lookup. */
  cause?: unknown;
}

/** `a` and `pa_a` are the same global attribute; WooCommerce strips the prefix on create (recording 011). */
export function normaliseAttributeSlug(slug: string): string {
  const s = slug.trim().toLowerCase();
  return s.startsWith("pa_") ? s.slice(3) : s;
}

function toParams(query: ListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(",") : String(v);
  }
  return out;
}

function header(res: AxiosLikeResponse, name: string): number {
  const n = Number(res.headers[name]);
  return Number.isFinite(n) ? n : 0;
}

/**
 * Axios options that make every connection pass `guard`. The client takes axios options, so the
 * check runs in the socket's DNS lookup (as for image URLs), not on an address resolved earlier.
 * Per-repository agents without keep-alive: a pooled socket skips the lookup, and the global pool
 * is shared with shops whose setting differs. No proxy: through one, the lookup would check the
 * proxy's address instead of the shop's.
 */
function guardedConnections(guard: AddressGuard): Record<string, unknown> {
  return {
    lookup: guard.lookup,
    httpAgent: new http.Agent({ keepAlive: false }),
    httpsAgent: new https.Agent({ keepAlive: false }),
    proxy: false,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

/**
 * Builds the repository on the official `@woocommerce/woocommerce-rest-api` client
 * (OAuth 1.0a over http, Basic auth over https). With `guard`, every call refuses the addresses
 * the guard refuses; the service always passes one (the shop's private-address setting), while
 * tests against a local replay of WooCommerce may leave it out.
 */
export function createWooCommerceRepository(creds: WooCommerceCredentials, guard?: AddressGuard): WooCommerceRepository {
  const Client = clientClass();
  const host = hostOf(creds.url);
  const api = new Client({
    url: creds.url,
    consumerKey: creds.consumerKey,
    consumerSecret: creds.consumerSecret,
    version: "wc/v3",
    timeout: creds.timeoutMs ?? 15_000,
    // Errors carry WooCommerce's JSON; never let axios follow a redirect to a login page.
    axiosConfig: { maxRedirects: 0, ...(guard ? guardedConnections(guard) : {}) },
  });

  async function call(what: string, run: () => Promise<unknown>): Promise<AxiosLikeResponse> {
    // Sockets skip the lookup for an IP literal, so that host is checked here.
    guard?.checkHost(host);
    try {
      return (await run()) as AxiosLikeResponse;
    } catch (e) {
      const err = e as AxiosLikeError;
      if (isAppError(err.cause)) throw err.cause;
      if (err.response) {
        const body = (err.response.data ?? {}) as { code?: unknown; message?: unknown; data?: { resource_id?: unknown } };
        const resourceId = body.data?.resource_id;
        throw fromUpstream(what, {
          status: err.response.status,
          code: typeof body.code === "string" ? body.code : undefined,
          message: typeof body.message === "string" ? body.message : undefined,
          resourceId: typeof resourceId === "number" ? resourceId : undefined,
        });
      }
      throw unreachable(what, creds.url, err.code ?? err.message ?? "no answer");
    }
  }

  async function listPage<T>(what: string, endpoint: string, query: ListQuery): Promise<Page<T>> {
    const res = await call(what, () => api.get(endpoint, toParams(query)));
    const items = Array.isArray(res.data) ? (res.data as T[]) : [];
    return {
      items,
      page: Number(query.page ?? 1),
      total: header(res, "x-wp-total"),
      totalPages: header(res, "x-wp-totalpages"),
    };
  }

  async function* iterate<T>(what: string, endpoint: string, query: ListQuery): AsyncGenerator<Page<T>> {
    // The first request is sent exactly as asked (no page=1 added) so a caller's query is not altered.
    let current = await listPage<T>(what, endpoint, query);
    yield current;
    while (current.page < current.totalPages && current.items.length > 0) {
      current = await listPage<T>(what, endpoint, { ...query, page: current.page + 1 });
      yield current;
    }
  }

  async function listAll<T>(what: string, endpoint: string): Promise<T[]> {
    const all: T[] = [];
    for await (const page of iterate<T>(what, endpoint, { per_page: MAX_PER_PAGE })) all.push(...page.items);
    return all;
  }

  const clampQuery = (query: ListQuery): ListQuery =>
    query.per_page === undefined ? query : { ...query, per_page: Math.min(Number(query.per_page), MAX_PER_PAGE) };

  return {
    async getProduct(id) {
      const res = await call(`reading product ${id}`, () => api.get(`products/${id}`));
      return res.data as WcProduct;
    },
    listProducts(query = {}) {
      return listPage<WcProduct>("listing products", "products", clampQuery(query));
    },
    iterateProducts(query = {}) {
      return iterate<WcProduct>("listing products", "products", clampQuery(query));
    },
    async updateProduct(id, body) {
      const res = await call(`updating product ${id}`, () => api.put(`products/${id}`, body));
      return res.data as WcProduct;
    },
    async listAttributes() {
      // products/attributes is not paginated by WooCommerce (recording 041: all in one answer).
      const res = await call("listing attributes", () => api.get("products/attributes"));
      return res.data as WcGlobalAttribute[];
    },
    async findAttributesBySlug(slugs) {
      const all = await this.listAttributes();
      const bySlug = new Map(all.map((a) => [normaliseAttributeSlug(a.slug), a]));
      const found = new Map<string, WcGlobalAttribute>();
      for (const slug of slugs) {
        const a = bySlug.get(normaliseAttributeSlug(slug));
        if (a) found.set(slug, a);
      }
      return found;
    },
    listAttributeTerms(attributeId) {
      return listAll<WcTerm>(`listing terms of attribute ${attributeId}`, `products/attributes/${attributeId}/terms`);
    },
    async createAttributeTerm(attributeId, name) {
      try {
        const res = await call(`creating term "${name}"`, () => api.post(`products/attributes/${attributeId}/terms`, { name }));
        const term = res.data as WcTerm;
        return { id: term.id, name: term.name, created: true };
      } catch (e) {
        // 400 term_exists carries the existing term's id in data.resource_id (recording 015).
        if (isWooCommerceError(e) && e.upstreamCode === "term_exists" && e.resourceId !== undefined) {
          return { id: e.resourceId, name, created: false };
        }
        throw e;
      }
    },
    listCategories() {
      return listAll<WcTerm>("listing categories", "products/categories");
    },
  };
}
