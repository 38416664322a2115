import { describe, expect, it } from "vitest";

import { APPLIED_META_KEY, readAppliedRecord } from "./applied-record.js";
import { loadExchange } from "./testing/exchange.js";
import type { WooCommerceRepository } from "./woocommerce.repository.js";
import type { ProductUpdate, WcGlobalAttribute, WcProduct, WcTerm } from "./woocommerce.types.js";
import { applyWriteback, planWriteback } from "./writeback.service.js";
import type { AnnotationLike, WritebackCatalog, WritebackOptions } from "./writeback.types.js";

// Real shapes: the product, attributes, terms and categories as WooCommerce 9.9.5 returned them.
// Product 33 "Striped Linen Top": tags linen+summer, Color=Blue and Pattern=Striped, category Tops.
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
  attributes: { pattern: sure("Floral"), usage: sure("Casual") },
  colors: [
    { name: "red", share: 0.71 },
    { name: "white", share: 0.1 },
  ],
  model: { name: "kalas-fashion", version: "1.0.0" },
};

const tagsOnly: WritebackOptions = { tagFields: ["pattern"], attributeFields: [], setCategory: false, protectManual: true };
const meta = (plan: { body: ProductUpdate }) => JSON.parse(plan.body.meta_data![0]!.value!) as unknown;

describe("tags", () => {
  it("keeps every existing tag by id and adds the new one by name, exactly as recording 046", () => {
    const plan = planWriteback(product33(), { attributes: { pattern: sure("striped") } }, tagsOnly);
    expect(plan.body.tags).toEqual((loadExchange("046").request.body as ProductUpdate).tags);
    expect(plan.body.meta_data![0]!.key).toBe(APPLIED_META_KEY);
    expect(meta(plan)).toEqual({ product_tag: { applied: ["striped"], declined: [] } });
  });

  it("does not add, nor claim, a tag the product already has under another case", () => {
    const plan = planWriteback(product33(), { attributes: { usage: sure("LINEN") } }, { ...tagsOnly, tagFields: ["usage"] });
    expect(plan.changed).toBe(false);
    expect(plan.body).toEqual({});
  });

  it("never writes a label the model is unsure of", () => {
    const plan = planWriteback(product33(), { attributes: { pattern: unsure("Floral") } }, { ...tagsOnly, thresholds: { pattern: 0.1 } });
    expect(plan.changed).toBe(false);
  });

  it("needs the field's threshold, or the default one", () => {
    const ann = { attributes: { pattern: sure("Floral", 0.55) } };
    expect(planWriteback(product33(), ann, tagsOnly).changed).toBe(false);
    expect(planWriteback(product33(), ann, { ...tagsOnly, thresholds: { pattern: 0.5 } }).add).toEqual({ product_tag: ["Floral"] });
    expect(planWriteback(product33(), ann, { ...tagsOnly, thresholds: { default: 0.5 } }).changed).toBe(true);
  });

  it("removes only its own tag when the model changes its mind; a person's stay", () => {
    const first = planWriteback(product33(), { attributes: { pattern: sure("striped") } }, tagsOnly);
    // The product as WooCommerce stored it after that write (recording 046), with our record.
    const after = structuredClone(loadExchange("046").response.body) as WcProduct;
    after.meta_data.push({ key: APPLIED_META_KEY, value: first.body.meta_data![0]!.value });

    const second = planWriteback(after, { attributes: { pattern: sure("Floral") } }, tagsOnly);
    expect(second.remove).toEqual({ product_tag: ["striped"] });
    expect(second.body.tags).toEqual([{ id: 45 }, { id: 18 }, { name: "Floral" }]);
    expect(readAppliedRecord({ meta_data: [{ key: APPLIED_META_KEY, value: second.body.meta_data![0]!.value }] })).toEqual({
      product_tag: { applied: ["Floral"], declined: [] },
    });
  });

  it("a tag a person removed after Kalas Iris added it is not added again", () => {
    const p = product33();
    p.meta_data.push({ key: APPLIED_META_KEY, value: JSON.stringify({ product_tag: { applied: ["striped"], declined: [] } }) });
    const plan = planWriteback(p, { attributes: { pattern: sure("striped") } }, tagsOnly);
    expect(plan.body.tags).toBeUndefined();
    expect(meta(plan)).toEqual({ product_tag: { applied: [], declined: ["striped"] } });
  });
});

describe("attributes", () => {
  const colorAndPattern: WritebackOptions = {
    tagFields: [],
    attributeFields: ["color", "pattern"],
    setCategory: false,
    protectManual: false,
  };

  it("without protection, replaces a person's attribute and keeps every other attribute in full", () => {
    const plan = planWriteback(product33(), redDress, colorAndPattern, catalog);
    expect(plan.body.attributes).toEqual([
      { id: 1, options: ["Red"], visible: true, variation: false, position: 0 },
      { id: 4, options: ["Floral"], visible: true, variation: false, position: 0 },
    ]);
    expect(plan.remove).toEqual({ pa_color: ["Blue"], pa_pattern: ["Striped"] });
  });

  it("with protection, leaves attributes a person filled alone", () => {
    const plan = planWriteback(product33(), redDress, { ...colorAndPattern, protectManual: true }, catalog);
    expect(plan.body).toEqual({});
  });

  it("adds a missing global attribute after the others, reusing the shop's spelling, and keeps local attributes", () => {
    const p = product33();
    p.attributes = [{ id: 0, name: "Fit", slug: "Fit", position: 0, visible: true, variation: false, options: ["Relaxed"] }];
    const plan = planWriteback(p, redDress, { ...colorAndPattern, attributeFields: ["color"], protectManual: true }, catalog);
    expect(plan.body.attributes).toEqual([
      { name: "Fit", options: ["Relaxed"], visible: true, variation: false, position: 0 },
      { id: 1, options: ["Red"], visible: true, variation: false, position: 1 },
    ]);
  });

  it("skips an attribute the shop does not have, and one that defines variations", () => {
    const noUsage = planWriteback(product33(), redDress, { ...colorAndPattern, attributeFields: ["usage"] }, catalog);
    expect(noUsage.changed).toBe(false);
    expect(noUsage.skipped[0]!.reason).toBe('the shop has no global attribute "pa_usage"');

    const variable = structuredClone(loadExchange("032").response.body) as WcProduct;
    variable.attributes[0]!.variation = true;
    const plan = planWriteback(variable, redDress, { ...colorAndPattern, attributeFields: ["color"] }, catalog);
    expect(plan.changed).toBe(false);
    expect(plan.skipped[0]!.reason).toMatch(/variations/);
  });
});

describe("category", () => {
  const categoryOnly: WritebackOptions = { tagFields: [], attributeFields: [], setCategory: true, protectManual: true };

  it("moves an uncategorised product into the matching category, by id only", () => {
    const p = product33();
    p.categories = [{ id: 15, name: "Uncategorized", slug: "uncategorized" }];
    const plan = planWriteback(p, redDress, categoryOnly, catalog);
    expect(plan.body.categories).toEqual([{ id: 38 }]);
  });

  it("uses the shop's own learned category when it is sure, the model's when it is not (as LabelPlan)", () => {
    const p = product33();
    p.categories = [{ id: 15, name: "Uncategorized", slug: "uncategorized" }];
    expect(planWriteback(p, { ...redDress, shop: { category: sure("Tops") } }, categoryOnly, catalog).body.categories).toEqual([
      { id: 37 },
    ]);
    expect(planWriteback(p, { ...redDress, shop: { category: unsure("Tops") } }, categoryOnly, catalog).body.categories).toEqual([
      { id: 38 },
    ]);
  });

  it("with protection, leaves a product a person categorised alone", () => {
    expect(planWriteback(product33(), redDress, categoryOnly, catalog).body).toEqual({});
  });

  it("says so when the shop has no such category", () => {
    const plan = planWriteback(product33(), { category: sure("Jumpsuits") }, { ...categoryOnly, protectManual: false }, catalog);
    expect(plan.changed).toBe(false);
    expect(plan.skipped).toEqual([{ taxonomy: "product_cat", reason: 'the shop has no category named "Jumpsuits"' }]);
  });
});

describe("applyWriteback", () => {
  /** An in-memory shop with WooCommerce's recorded PUT semantics: listed fields replace, meta merges by key. */
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
            "id" in t ? product.tags.find((x) => x.id === t.id)! : { id: nextTagId++, name: t.name, slug: t.name.toLowerCase() },
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
    const options: WritebackOptions = { ...tagsOnly, tagFields: ["color", "pattern"] };
    const first = await applyWriteback(repo, 33, redDress, options);
    expect(puts).toHaveLength(1);
    expect(first.product.tags.map((t) => t.name).sort()).toEqual(["Floral", "linen", "red", "summer"]);
    const again = await applyWriteback(repo, 33, redDress, options);
    expect(again.plan.changed).toBe(false);
    expect(puts).toHaveLength(1);
  });

  it("reports a tag name WooCommerce silently dropped (recording 048)", async () => {
    const { repo } = fakeShop(product33());
    const dropping: WooCommerceRepository = { ...repo, updateProduct: async () => loadExchange("048").response.body as WcProduct };
    const result = await applyWriteback(
      dropping,
      33,
      { attributes: { usage: sure("eco friendly") } },
      { ...tagsOnly, tagFields: ["usage"] },
    );
    expect(result.dropped).toEqual(["eco friendly"]);
  });
});
