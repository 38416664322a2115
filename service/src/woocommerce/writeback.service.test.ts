import { describe, expect, it } from "vitest";

import { APPLIED_META_KEY, readAppliedRecord } from "./applied-record.js";
import { loadExchange } from "./testing/exchange.js";
import type { WooCommerceRepository } from "./woocommerce.repository.js";
import type { ProductUpdate, WcGlobalAttribute, WcProduct, WcTerm } from "./woocommerce.types.js";
import { applyWriteback, planWriteback } from "./writeback.service.js";
import type { AnnotationLike, WritebackCatalog, WritebackOptions } from "./writeback.types.js";

// Real shapes: the product, attributes, terms and categories as WooCommerce 9.9.5 returned them.
const product33 = () => structuredClone(loadExchange("032").response.body) as WcProduct;
const catalog: WritebackCatalog = {
  attributes: loadExchange("041").response.body as WcGlobalAttribute[],
  terms: { 1: loadExchange("042").response.body as WcTerm[] },
  categories: loadExchange("043").response.body as WcTerm[],
};

const sure = (label: string, score = 0.93) => ({ label, score, confident: true });
const unsure = (label: string) => ({ label, score: 0.31, confident: false });

const redDress: AnnotationLike = {
  category: sure("Dresses"),
  attributes: { pattern: sure("Striped"), usage: sure("Casual") },
  colors: [
    { name: "red", share: 0.71 },
    { name: "white", share: 0.18 },
  ],
  model: { name: "kalas-fashion", version: "1.0.0" },
};

const tagsOnly: WritebackOptions = {
  tagFields: ["pattern"],
  attributeFields: {},
  setCategory: false,
  protectManual: true,
};

describe("tags", () => {
  it("keeps every existing tag by id and adds the new one by name, exactly as recording 046", () => {
    const plan = planWriteback(product33(), { attributes: { pattern: sure("striped") } }, tagsOnly);
    expect(plan.body.tags).toEqual((loadExchange("046").request.body as ProductUpdate).tags);
    expect(plan.added.tags).toEqual(["striped"]);
  });

  it("does not add a tag the product already has under another case", () => {
    const plan = planWriteback(product33(), { attributes: { usage: sure("LINEN") } }, { ...tagsOnly, tagFields: ["usage"] });
    expect(plan.changed).toBe(false);
    expect(plan.body).toEqual({});
  });

  it("never writes an unsure label, and says why", () => {
    const plan = planWriteback(product33(), { attributes: { pattern: unsure("Floral") } }, tagsOnly);
    expect(plan.changed).toBe(false);
    expect(plan.skipped[0]).toMatchObject({ field: "pattern" });
    expect(plan.skipped[0]!.reason).toMatch(/review/);
  });

  it("a threshold overrides the confident flag", () => {
    const plan = planWriteback(product33(), { attributes: { pattern: unsure("Floral") } }, { ...tagsOnly, thresholds: { pattern: 0.3 } });
    expect(plan.added.tags).toEqual(["Floral"]);
  });

  it("removes only the tags Kalas Iris added, when a new annotation no longer supports them", () => {
    const first = planWriteback(product33(), { attributes: { pattern: sure("striped") } }, tagsOnly);
    // The product as WooCommerce stores it after the first write (recording 046) plus our meta.
    const after = structuredClone(loadExchange("046").response.body) as WcProduct;
    after.meta_data.push({ key: APPLIED_META_KEY, value: first.body.meta_data![0]!.value });
    expect(readAppliedRecord(after).tags).toEqual(["striped"]);

    const second = planWriteback(after, { attributes: { pattern: sure("Floral") } }, tagsOnly);
    expect(second.removed.tags).toEqual(["striped"]);
    expect(second.body.tags).toEqual([{ id: 45 }, { id: 18 }, { name: "Floral" }]);
    expect(JSON.parse(second.body.meta_data![0]!.value!)).toMatchObject({ tags: ["Floral"] });
  });

  it("a tag a person had before is never recorded as ours, so it is never removed", () => {
    const plan = planWriteback(product33(), { attributes: { usage: sure("summer") } }, { ...tagsOnly, tagFields: ["usage"] });
    expect(plan.applied.tags).toEqual([]);
  });
});

describe("attributes", () => {
  const colorAndPattern: WritebackOptions = {
    tagFields: [],
    attributeFields: { colors: "pa_color", pattern: "pattern" },
    setCategory: false,
    protectManual: false,
  };

  it("keeps every attribute, sends globals as {id, options, visible, variation, position}, reuses term spelling", () => {
    const plan = planWriteback(product33(), redDress, colorAndPattern, catalog);
    expect(plan.body.attributes).toEqual([
      { id: 1, options: ["Blue", "Red"], visible: true, variation: false, position: 0 },
      { id: 4, options: ["Striped"], visible: true, variation: false, position: 0 },
    ]);
    expect(plan.added.attributes).toEqual({ "1": ["Red"] });
  });

  it("with protectManual, leaves an attribute a person filled alone", () => {
    const plan = planWriteback(product33(), redDress, { ...colorAndPattern, protectManual: true }, catalog);
    expect(plan.body.attributes).toBeUndefined();
    expect(plan.skipped.map((s) => s.reason)).toContain("a person set Color to Blue");
  });

  it("adds a missing global attribute after the others, and keeps local attributes by name", () => {
    const p = product33();
    p.attributes = [{ id: 0, name: "Fit", slug: "Fit", position: 0, visible: true, variation: false, options: ["Relaxed"] }];
    const plan = planWriteback(p, redDress, { ...colorAndPattern, attributeFields: { colors: "pa_color" } }, catalog);
    expect(plan.body.attributes).toEqual([
      { name: "Fit", options: ["Relaxed"], visible: true, variation: false, position: 0 },
      { id: 1, options: ["Red"], visible: true, variation: false, position: 1 },
    ]);
  });

  it("skips an attribute the shop does not have", () => {
    const plan = planWriteback(product33(), redDress, { ...colorAndPattern, attributeFields: { usage: "pa_usage" } }, catalog);
    expect(plan.changed).toBe(false);
    expect(plan.skipped[0]!.reason).toMatch(/no global attribute "pa_usage"/);
  });
});

describe("category", () => {
  const categoryOnly: WritebackOptions = { tagFields: [], attributeFields: {}, setCategory: true, protectManual: true };

  it("moves an uncategorised product into the matching category, by id", () => {
    const p = product33();
    p.categories = [{ id: 15, name: "Uncategorized", slug: "uncategorized" }];
    const plan = planWriteback(p, redDress, categoryOnly, catalog);
    expect(plan.body.categories).toEqual([{ id: 38 }]);
    expect(plan.applied.categories).toEqual([38]);
  });

  it("with protectManual, leaves a product a person categorised alone", () => {
    const plan = planWriteback(product33(), redDress, categoryOnly, catalog);
    expect(plan.body.categories).toBeUndefined();
    expect(plan.skipped[0]!.reason).toMatch(/a person put the product in Tops/);
  });

  it("without protectManual, adds the category next to the person's", () => {
    const plan = planWriteback(product33(), redDress, { ...categoryOnly, protectManual: false }, catalog);
    expect(plan.body.categories).toEqual([{ id: 37 }, { id: 38 }]);
  });
});

describe("applyWriteback", () => {
  /** An in-memory shop with WooCommerce's recorded PUT semantics: listed fields replace, meta merges. */
  function fakeShop(start: WcProduct): { repo: WooCommerceRepository; puts: ProductUpdate[] } {
    let product = structuredClone(start);
    let nextTagId = 1000;
    const puts: ProductUpdate[] = [];
    const repo: WooCommerceRepository = {
      getProduct: async () => structuredClone(product),
      listProducts: async () => ({ items: [product], page: 1, total: 1, totalPages: 1 }),
      async *iterateProducts() {},
      listAttributes: async () => [...catalog.attributes],
      findAttributesBySlug: async () => new Map(),
      listAttributeTerms: async (id) => [...(catalog.terms[id] ?? [])],
      createAttributeTerm: async (_id, name) => ({ id: 1, name, created: true }),
      listCategories: async () => [...catalog.categories],
      async updateProduct(_id, body) {
        puts.push(body);
        if (body.tags) {
          product.tags = body.tags.map((t) =>
            "id" in t
              ? product.tags.find((x) => x.id === t.id)!
              : { id: nextTagId++, name: t.name, slug: t.name.toLowerCase() },
          );
        }
        for (const m of body.meta_data ?? []) {
          product.meta_data = [...product.meta_data.filter((x) => x.key !== m.key), { key: m.key, value: m.value }];
        }
        product = structuredClone(product);
        return structuredClone(product);
      },
    };
    return { repo, puts };
  }

  it("sends one PUT, and none when the annotation is already applied", async () => {
    const { repo, puts } = fakeShop(product33());
    const options: WritebackOptions = { ...tagsOnly, tagFields: ["colors", "pattern"] };
    const first = await applyWriteback(repo, 33, redDress, options);
    expect(puts).toHaveLength(1);
    expect(first.product.tags.map((t) => t.name).sort()).toEqual(["Striped", "linen", "red", "summer"]);
    const again = await applyWriteback(repo, 33, redDress, options);
    expect(again.plan.changed).toBe(false);
    expect(puts).toHaveLength(1);
  });

  it("reports a tag name WooCommerce silently dropped (recording 048)", async () => {
    const { repo } = fakeShop(product33());
    const dropping: WooCommerceRepository = {
      ...repo,
      updateProduct: async () => loadExchange("048").response.body as WcProduct,
    };
    const result = await applyWriteback(dropping, 33, { attributes: { usage: sure("eco friendly") } }, { ...tagsOnly, tagFields: ["usage"] });
    expect(result.dropped).toEqual(["eco friendly"]);
  });
});
