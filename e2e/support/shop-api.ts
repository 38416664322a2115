import { readFileSync } from "node:fs";
import { basename } from "node:path";

import { request, type APIRequestContext, type APIResponse } from "@playwright/test";

import { AUTH_STATE, type Stack } from "./stack-env.js";

/** A product as wc/v3 returns it (the fields the flows read). */
export interface ShopProduct {
  id: number;
  name: string;
  permalink: string;
  status: string;
  tags: { id: number; name: string; slug: string }[];
  categories: { id: number; name: string; slug: string }[];
  attributes: { id: number; name: string; slug?: string; options: string[] }[];
  images: { id: number; src: string }[];
  meta_data: { key: string; value: unknown }[];
}

export interface NewProduct {
  name: string;
  /** Photo file to upload to the media library and use as the product image. */
  photo?: string;
  tags?: string[];
  /** Product category ids (see `category`). */
  categoryIds?: number[];
  status?: "publish" | "draft";
  price?: string;
}

async function json<T>(res: APIResponse, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/**
 * The shop's REST API (wp/v2 and wc/v3) as the admin, with the application password:
 * how the flows seed data and check what the plugin wrote, next to what the browser shows.
 */
export class ShopApi {
  private nonce: string | undefined;

  private constructor(
    private readonly api: APIRequestContext,
    private readonly session: APIRequestContext,
  ) {}

  static async open(stack: Stack): Promise<ShopApi> {
    const api = await request.newContext({
      baseURL: stack.baseUrl,
      // Inside the test runner new contexts inherit the config's logged-in storageState; with its
      // cookie but no nonce WordPress drops the user, so this context must carry no cookies.
      storageState: { cookies: [], origins: [] },
      httpCredentials: { username: stack.adminUser, password: stack.appPassword, send: "always" },
      timeout: 60_000,
    });
    // The plugin's own routes want the logged-in admin's cookie and a REST nonce, as its admin UI sends.
    const session = await request.newContext({ baseURL: stack.baseUrl, storageState: AUTH_STATE, timeout: 60_000 });
    return new ShopApi(api, session);
  }

  async close(): Promise<void> {
    await this.api.dispose();
    await this.session.dispose();
  }

  /** Uploads a photo to the media library; returns the attachment id. */
  async uploadPhoto(file: string): Promise<number> {
    const name = basename(file);
    const res = await this.api.post("/wp-json/wp/v2/media", {
      headers: { "content-type": "image/jpeg", "content-disposition": `attachment; filename="${name}"` },
      data: readFileSync(file),
    });
    return (await json<{ id: number }>(res, `uploading ${name}`)).id;
  }

  private async body(p: NewProduct): Promise<Record<string, unknown>> {
    return {
      name: p.name,
      type: "simple",
      status: p.status ?? "publish",
      regular_price: p.price ?? "49.00",
      ...(p.tags ? { tags: p.tags.map((name) => ({ name })) } : {}),
      ...(p.categoryIds ? { categories: p.categoryIds.map((id) => ({ id })) } : {}),
      ...(p.photo ? { images: [{ id: await this.uploadPhoto(p.photo) }] } : {}),
    };
  }

  async createProduct(p: NewProduct): Promise<ShopProduct> {
    const res = await this.api.post("/wp-json/wc/v3/products", { data: await this.body(p) });
    return json<ShopProduct>(res, `creating ${p.name}`);
  }

  /** Creates many products, 50 per batch request (WooCommerce allows up to 100 items). */
  async createProducts(list: NewProduct[]): Promise<ShopProduct[]> {
    const out: ShopProduct[] = [];
    for (let i = 0; i < list.length; i += 50) {
      const create = [];
      for (const p of list.slice(i, i + 50)) create.push(await this.body(p));
      const res = await this.api.post("/wp-json/wc/v3/products/batch", { data: { create } });
      const answer = await json<{ create: (ShopProduct & { error?: { message: string } })[] }>(res, "batch create");
      for (const item of answer.create) {
        if (item.error) throw new Error(`batch create: ${item.error.message}`);
        out.push(item);
      }
    }
    return out;
  }

  /** The id of the product category named `name`, created when the shop has none. */
  async category(name: string): Promise<number> {
    const res = await this.api.get("/wp-json/wc/v3/products/categories", { params: { search: name, per_page: 100 } });
    const found = (await json<{ id: number; name: string }[]>(res, `finding category ${name}`)).find((c) => c.name === name);
    if (found) return found.id;
    const created = await this.api.post("/wp-json/wc/v3/products/categories", { data: { name } });
    return (await json<{ id: number }>(created, `creating category ${name}`)).id;
  }

  async product(id: number): Promise<ShopProduct> {
    return json<ShopProduct>(await this.api.get(`/wp-json/wc/v3/products/${id}`), `reading product ${id}`);
  }

  async updateProduct(id: number, body: Record<string, unknown>): Promise<ShopProduct> {
    return json<ShopProduct>(await this.api.put(`/wp-json/wc/v3/products/${id}`, { data: body }), `updating product ${id}`);
  }

  /** Every product id (all statuses but trash), following X-WP-TotalPages. */
  async allProductIds(): Promise<number[]> {
    const ids: number[] = [];
    for (let page = 1; ; page++) {
      const res = await this.api.get("/wp-json/wc/v3/products", { params: { per_page: 100, page, _fields: "id", status: "any" } });
      ids.push(...(await json<{ id: number }[]>(res, "listing products")).map((p) => p.id));
      if (page >= Number(res.headers()["x-wp-totalpages"] ?? 1)) return ids;
    }
  }

  /** Ids of products named "E2E …" (what the flows create), e.g. left over by an interrupted run. */
  async e2eProductIds(): Promise<number[]> {
    const ids: number[] = [];
    for (let page = 1; ; page++) {
      const res = await this.api.get("/wp-json/wc/v3/products", {
        params: { per_page: 100, page, search: "E2E ", _fields: "id,name", status: "any" },
      });
      const list = await json<{ id: number; name: string }[]>(res, "listing E2E products");
      ids.push(...list.filter((p) => p.name.startsWith("E2E ")).map((p) => p.id));
      if (page >= Number(res.headers()["x-wp-totalpages"] ?? 1)) return ids;
    }
  }

  /** Deletes products for good (no trash), so a flow leaves no stale items behind. */
  async deleteProducts(ids: number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 100) {
      const res = await this.api.post("/wp-json/wc/v3/products/batch", { data: { delete: ids.slice(i, i + 100) } });
      await json(res, "batch delete");
    }
  }

  /** Any REST route as the admin, e.g. `wp("POST", "/wp/v2/pages", {...})`. */
  async wp<T>(method: "GET" | "POST" | "PUT" | "DELETE", route: string, data?: unknown): Promise<T> {
    const res = await this.api.fetch(`/wp-json${route}`, { method, ...(data === undefined ? {} : { data }) });
    return json<T>(res, `${method} ${route}`);
  }

  /** The plugin's status of a product (meta _kalas_iris_status), "" before it was queued. */
  static status(p: ShopProduct): string {
    const v = p.meta_data.find((m) => m.key === "_kalas_iris_status")?.value;
    return typeof v === "string" ? v : "";
  }

  /**
   * What the plugin recorded about a product, for failure messages: its status, suggestion, what it
   * applied (and what it saw a person remove since), and its job state. A flaky write shows here.
   */
  static pluginRecord(p: ShopProduct): Record<string, unknown> {
    const read = (key: string) => {
      const raw = p.meta_data.find((m) => m.key === key)?.value;
      return typeof raw === "string" && /^[[{]/.test(raw) ? (JSON.parse(raw) as unknown) : (raw ?? null);
    };
    return {
      status: read("_kalas_iris_status"),
      suggestion: ShopApi.suggestion(p),
      applied: read("_kalas_iris_applied"),
      job: read("_kalas_iris_job"),
      attributes: ShopApi.terms(p).attributes,
    };
  }

  /** The service's answer as the plugin stored it, trimmed to category and colours (for failure messages). */
  static annotation(p: ShopProduct): unknown {
    const raw = p.meta_data.find((m) => m.key === "_kalas_iris_annotation")?.value;
    const stored = (typeof raw === "string" ? JSON.parse(raw) : (raw ?? {})) as {
      annotation?: { category?: unknown; colors?: { name: string; share: number }[] };
    };
    const a = stored.annotation ?? {};
    return { category: a.category ?? null, colors: (a.colors ?? []).map((c) => `${c.name} ${c.share}`) };
  }

  /** The labels the plugin suggests for a product (meta _kalas_iris_annotation → suggestion). */
  static suggestion(p: ShopProduct): { category: string | null; attributes: Record<string, string>; colors: string[] } {
    const raw = p.meta_data.find((m) => m.key === "_kalas_iris_annotation")?.value;
    const stored = (typeof raw === "string" ? JSON.parse(raw) : (raw ?? {})) as {
      suggestion?: { category?: string | null; attributes?: Record<string, string>; colors?: string[] };
    };
    const s = stored.suggestion ?? {};
    return { category: s.category ?? null, attributes: s.attributes ?? {}, colors: s.colors ?? [] };
  }

  /** Calls a route of the plugin (namespace kalas-iris/v1) as the admin. */
  async plugin<T>(method: "GET" | "POST", route: string, data?: unknown): Promise<T> {
    if (!this.nonce) {
      // WordPress core hands a logged-in user a fresh wp_rest nonce here.
      const res = await this.session.get("/wp-admin/admin-ajax.php?action=rest-nonce");
      this.nonce = (await res.text()).trim();
      if (!res.ok() || !/^[0-9a-f]{10}$/.test(this.nonce))
        throw new Error(`no REST nonce for the admin session (${res.status()}): log in again`);
    }
    const res = await this.session.fetch(`/wp-json/kalas-iris/v1${route}`, {
      method,
      headers: { "X-WP-Nonce": this.nonce },
      ...(data === undefined ? {} : { data }),
    });
    return json<T>(res, `${method} kalas-iris/v1${route}`);
  }

  /** Term names a product has, per taxonomy, as the plugin reads them. */
  static terms(p: ShopProduct): { tags: string[]; categories: string[]; attributes: Record<string, string[]> } {
    return {
      tags: p.tags.map((t) => t.name),
      categories: p.categories.map((c) => c.name),
      attributes: Object.fromEntries(p.attributes.map((a) => [a.slug ?? a.name, a.options])),
    };
  }
}
