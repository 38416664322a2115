import { afterEach, describe, expect, it } from "vitest";

import { loadExchange } from "./testing/exchange.js";
import { startReplayServer, type ReplayServer } from "./testing/replay-server.js";
import { createWooCommerceRepository, type WooCommerceRepository } from "./woocommerce.repository.js";
import { WooCommerceError } from "./woocommerce.errors.js";
import type { Page, WcProduct } from "./woocommerce.types.js";

// Contract tests: the real client library talks HTTP to a replay of recorded WooCommerce 9.9.5 answers.
let server: ReplayServer | undefined;

async function replay(...ids: string[]): Promise<WooCommerceRepository> {
  server = await startReplayServer(ids.map((id) => loadExchange(id)));
  return createWooCommerceRepository({ url: server.url, consumerKey: "ck_test", consumerSecret: "cs_test" });
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(p: Promise<unknown>): Promise<WooCommerceError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WooCommerceError);
  return e as WooCommerceError;
}

describe("products", () => {
  it("reads a product with its tags, attributes and meta", async () => {
    const repo = await replay("032");
    const p = await repo.getProduct(33);
    expect(p.tags.map((t) => t.name)).toEqual(["linen", "summer"]);
    expect(p.attributes.map((a) => a.slug)).toEqual(["pa_color", "pa_pattern"]);
    expect(server!.unmatched()).toEqual([]);
  });
});

describe("what happens to existing tags when new ones are written", () => {
  it("a PUT of only the new tag replaces the whole list (why write-back never does that)", async () => {
    const repo = await replay("044");
    const p = await repo.updateProduct(33, { tags: [{ name: "striped" }] });
    expect(p.tags.map((t) => t.name)).toEqual(["striped"]);
  });

  it("existing tags by id plus the new one by name keeps all of them", async () => {
    const repo = await replay("046");
    const p = await repo.updateProduct(33, { tags: [{ id: 45 }, { id: 18 }, { name: "striped" }] });
    expect(p.tags.map((t) => t.name).sort()).toEqual(["linen", "striped", "summer"]);
    expect(server!.unmatched()).toEqual([]);
  });

  it("categories are replaced too, and honoured only by id", async () => {
    const repo = await replay("063", "064");
    const both = await repo.updateProduct(35, { categories: [{ id: 38 }, { id: 37 }] });
    expect(both.categories.map((c) => c.name)).toEqual(["Dresses", "Tops"]);
    const byName = await repo.updateProduct(35, { categories: [{ name: "Trousers" } as unknown as { id: number }] });
    expect(byName.categories.map((c) => c.slug)).toEqual(["uncategorized"]);
  });
});

describe("pagination", () => {
  async function collect(gen: AsyncGenerator<Page<WcProduct>>, max: number): Promise<Page<WcProduct>[]> {
    const pages: Page<WcProduct>[] = [];
    for await (const page of gen) {
      pages.push(page);
      if (pages.length === max) break;
    }
    return pages;
  }

  it("reads the totals from X-WP-Total and X-WP-TotalPages", async () => {
    const repo = await replay("027");
    const page = await repo.listProducts({ per_page: 2, page: 1 });
    expect(page).toMatchObject({ page: 1, total: 9, totalPages: 5 });
    expect(page.items).toHaveLength(2);
  });

  it("asks for the next page only when the caller wants it", async () => {
    const repo = await replay("027", "028");
    const pages = await collect(repo.iterateProducts({ per_page: 2, page: 1 }), 2);
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    expect(server!.seen.map((s) => s.query.page)).toEqual(["1", "2"]);
    expect(server!.unmatched()).toEqual([]);
  });

  it("stops at the last page without asking for one more", async () => {
    const repo = await replay("029");
    const pages = await collect(repo.iterateProducts({ per_page: 2, page: 5 }), 10);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items).toHaveLength(1);
    expect(server!.seen).toHaveLength(1);
  });

  it("stops on an empty page past the end", async () => {
    const repo = await replay("030");
    const pages = await collect(repo.iterateProducts({ per_page: 2, page: 999 }), 10);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items).toEqual([]);
    expect(server!.seen).toHaveLength(1);
  });

  it("reads everything in one request at per_page=100, and the pages agree with it", async () => {
    const repo = await replay("031", "027", "028", "029");
    const [all] = await collect(repo.iterateProducts({ per_page: 100, _fields: ["id", "name", "sku"] }), 10);
    expect(all!.items.map((p) => p.id)).toHaveLength(all!.total);
    const paged = [1, 2, 5].map((page) => repo.listProducts({ per_page: 2, page }));
    const ids = (await Promise.all(paged)).flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(all!.items.map((p) => p.id)).toContain(id);
  });

  it("never asks for more than WooCommerce's maximum of 100 per page", async () => {
    const repo = await replay("031");
    await repo.listProducts({ per_page: 500, _fields: "id,name,sku" });
    expect(server!.seen[0]!.query.per_page).toBe("100");
  });
});

describe("attributes, terms and categories", () => {
  it("finds global attributes by slug with or without the pa_ prefix", async () => {
    const repo = await replay("041");
    const found = await repo.findAttributesBySlug(["pa_color", "pattern", "pa_fit"]);
    expect(found.get("pa_color")?.id).toBe(1);
    expect(found.get("pattern")?.id).toBe(4);
    expect(found.has("pa_fit")).toBe(false);
  });

  it("lists attribute terms and categories", async () => {
    const repo = await replay("042", "043");
    expect((await repo.listAttributeTerms(1)).map((t) => t.name)).toEqual(["Blue", "Green", "Navy", "Red"]);
    expect((await repo.listCategories()).map((c) => c.slug)).toContain("dresses");
  });

  it("creates a term, and returns the existing one on term_exists", async () => {
    const repo = await replay("013", "015");
    expect(await repo.createAttributeTerm(1, "Green")).toEqual({ id: 40, name: "Green", created: true });
    expect(await repo.createAttributeTerm(1, "Red")).toEqual({ id: 17, name: "Red", created: false });
  });
});

describe("errors", () => {
  it("401 on a read is woocommerce_auth", async () => {
    const repo = await replay("067");
    const e = await failure(repo.listProducts());
    expect(e.code).toBe("woocommerce_auth");
    expect(e.upstreamStatus).toBe(401);
    expect(e.message).toMatch(/consumer key/);
  });

  it("401 on a write is woocommerce_auth", async () => {
    const repo = await replay("071");
    const e = await failure(repo.updateProduct(33, { name: "x" } as never));
    expect(e.code).toBe("woocommerce_auth");
  });

  it("404 on a missing product is woocommerce_not_found", async () => {
    const repo = await replay("072");
    const e = await failure(repo.getProduct(999999));
    expect(e).toMatchObject({ code: "woocommerce_not_found", status: 404, upstreamStatus: 404 });
  });

  it("PUT on a missing product answers 400 invalid_id, which is still woocommerce_not_found", async () => {
    const repo = await replay("073");
    const e = await failure(repo.updateProduct(999999, { name: "x" } as never));
    expect(e).toMatchObject({ code: "woocommerce_not_found", upstreamStatus: 400 });
  });

  it("400 on a bad parameter is woocommerce_rejected with WooCommerce's sentence", async () => {
    const repo = await replay("077");
    const e = await failure(repo.listProducts({ modified_after: "yesterday" }));
    expect(e).toMatchObject({ code: "woocommerce_rejected", status: 502, upstreamCode: "rest_invalid_param" });
    expect(e.message).toContain("Invalid parameter(s): modified_after");
  });

  it("a shop that does not answer is woocommerce_unreachable", async () => {
    const closed = await startReplayServer([]);
    const url = closed.url;
    await closed.close();
    const repo = createWooCommerceRepository({ url, consumerKey: "ck", consumerSecret: "cs", timeoutMs: 2000 });
    const e = await failure(repo.getProduct(1));
    expect(e.code).toBe("woocommerce_unreachable");
    expect(e.message).toContain(url);
  });
});
