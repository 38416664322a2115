import { isDeepStrictEqual } from "node:util";

import { APPLIED_META_KEY, readAppliedRecord } from "./applied-record.js";
import { mergeLabels } from "./label-merger.js";
import { sameTerm, suggestLabels, titleCase, toTerms } from "./writeback.labels.js";
import type { WooCommerceRepository } from "./woocommerce.repository.js";
import { normaliseAttributeSlug } from "./woocommerce.repository.js";
import type { AttributeWrite, ProductUpdate, WcProduct, WcProductAttribute, WcTerm } from "./woocommerce.types.js";
import type {
  AnnotationLike,
  SkippedField,
  TermsByTaxonomy,
  WritebackCatalog,
  WritebackOptions,
  WritebackPlan,
} from "./writeback.types.js";

const EMPTY_CATALOG: WritebackCatalog = { attributes: [], terms: {}, categories: [] };
// WooCommerce's stand-in for "no category"; it is dropped once a real one is set.
const UNCATEGORIZED = "uncategorized";

const has = (names: readonly string[], name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());

function globalAttribute(catalog: WritebackCatalog, taxonomy: string) {
  return catalog.attributes.find((a) => normaliseAttributeSlug(a.slug) === normaliseAttributeSlug(taxonomy));
}

function productAttribute(product: WcProduct, taxonomy: string): WcProductAttribute | undefined {
  return product.attributes.find((a) => a.id > 0 && a.slug === taxonomy);
}

/** Term names on the product per taxonomy, as the plugin's WcProductGateway::terms reads them. */
function currentTerms(product: WcProduct, taxonomies: readonly string[]): TermsByTaxonomy {
  const out: TermsByTaxonomy = {};
  for (const taxonomy of taxonomies) {
    if (taxonomy === "product_tag") out[taxonomy] = product.tags.map((t) => t.name);
    else if (taxonomy === "product_cat") out[taxonomy] = product.categories.filter((c) => c.slug !== UNCATEGORIZED).map((c) => c.name);
    else out[taxonomy] = productAttribute(product, taxonomy)?.options ?? [];
  }
  return out;
}

function attributeWrite(a: WcProductAttribute): AttributeWrite {
  // WooCommerce saves an omitted visible/variation as false and position as 0, so all are sent.
  const common = { options: a.options, visible: a.visible, variation: a.variation, position: a.position };
  return a.id > 0 ? { id: a.id, ...common } : { name: a.name, ...common };
}

function spell(name: string, terms: readonly WcTerm[]): string {
  return terms.find((t) => sameTerm(name, t))?.name ?? titleCase(name);
}

/**
 * Computes the PUT products/<id> body that writes `annotation` to `product`, without any I/O.
 *
 * Which terms to add and remove follows the plugin's rules (see `mergeLabels`) and the record in
 * meta `_kalas_iris_applied`, so a person's labels are never removed. Tags, attributes and
 * categories are sent whole because a PUT replaces those lists (recordings 044, 049, 063):
 * remaining tags by `{id}`, new ones by exact `{name}` (046); every attribute as
 * `{id, options, visible, variation, position}` (local ones by name); categories by `{id}` only (064).
 * `catalog` resolves attribute slugs, term spelling and category names.
 */
export function planWriteback(
  product: WcProduct,
  annotation: AnnotationLike,
  options: WritebackOptions,
  catalog: WritebackCatalog = EMPTY_CATALOG,
): WritebackPlan {
  const before = readAppliedRecord(product);
  const wanted = toTerms(suggestLabels(annotation, options), options);
  const skipped: SkippedField[] = [];
  const untouchable: string[] = [];

  for (const taxonomy of Object.keys(wanted)) {
    if (taxonomy.startsWith("pa_") && !globalAttribute(catalog, taxonomy)) {
      skipped.push({ taxonomy, reason: `the shop has no global attribute "${taxonomy}"` });
      untouchable.push(taxonomy);
    } else if (taxonomy.startsWith("pa_") && productAttribute(product, taxonomy)?.variation) {
      // Changing an attribute that defines variations would orphan them.
      skipped.push({ taxonomy, reason: `${taxonomy} defines this product's variations` });
      untouchable.push(taxonomy);
    } else if (taxonomy === "product_cat") {
      const known = wanted[taxonomy]!.filter((name) => catalog.categories.some((c) => sameTerm(name, c)));
      for (const name of wanted[taxonomy]!.filter((n) => !known.includes(n))) {
        skipped.push({ taxonomy, reason: `the shop has no category named "${name}"` });
      }
      wanted[taxonomy] = known;
    }
  }

  const taxonomies = [...new Set([...Object.keys(wanted), ...Object.keys(before)])];
  const merged = mergeLabels(currentTerms(product, taxonomies), before, wanted, options.protectManual, untouchable);
  const body: ProductUpdate = {};
  const touched = new Set([...Object.keys(merged.add), ...Object.keys(merged.remove)]);

  if (touched.has("product_tag")) {
    const gone = merged.remove.product_tag ?? [];
    const kept = product.tags.filter((t) => !has(gone, t.name));
    const fresh = (merged.add.product_tag ?? []).filter((n) => !kept.some((t) => sameTerm(n, t)));
    body.tags = [...kept.map((t) => ({ id: t.id })), ...fresh.map((name) => ({ name }))];
  }

  if (touched.has("product_cat")) {
    const gone = merged.remove.product_cat ?? [];
    const kept = product.categories.filter((c) => c.slug !== UNCATEGORIZED && !has(gone, c.name)).map((c) => c.id);
    const added = (merged.add.product_cat ?? [])
      .map((name) => catalog.categories.find((c) => sameTerm(name, c))?.id)
      .filter((id): id is number => id !== undefined && !kept.includes(id));
    body.categories = [...kept, ...added].map((id) => ({ id }));
  }

  const attributeTaxonomies = [...touched].filter((t) => t.startsWith("pa_"));
  if (attributeTaxonomies.length > 0) {
    const attributes = product.attributes.map((a) => ({ ...a, options: [...a.options] }));
    for (const taxonomy of attributeTaxonomies) {
      const global = globalAttribute(catalog, taxonomy)!;
      const terms = catalog.terms[global.id] ?? [];
      const existing = attributes.find((a) => a.id === global.id);
      const kept = (existing?.options ?? []).filter((o) => !has(merged.remove[taxonomy] ?? [], o));
      const fresh = (merged.add[taxonomy] ?? []).map((n) => spell(n, terms)).filter((n) => !has(kept, n));
      if (existing) existing.options = [...kept, ...fresh];
      else {
        const position = attributes.reduce((max, a) => Math.max(max, a.position + 1), 0);
        attributes.push({ id: global.id, name: global.name, slug: global.slug, position, visible: true, variation: false, options: fresh });
      }
    }
    // A global attribute left with no options is dropped by WooCommerce (recording 052): intended.
    body.attributes = attributes.map(attributeWrite);
  }

  const changed = Object.keys(body).length > 0;
  if (changed || !isDeepStrictEqual(merged.record, before)) {
    // meta_data merges by key (recording 055), so only our key is sent.
    body.meta_data = [{ key: APPLIED_META_KEY, value: JSON.stringify(merged.record) }];
  }
  return { body, changed, add: merged.add, remove: merged.remove, skipped, record: merged.record };
}

/** What `applyWriteback` did. */
export interface WritebackResult {
  plan: WritebackPlan;
  /** The product as WooCommerce returned it after the PUT (or as read, when nothing was sent). */
  product: WcProduct;
  /**
   * Tags sent by name that WooCommerce did not attach: it drops a name that matches another
   * tag's slug but not its name, silently (recording 048).
   */
  dropped: string[];
}

/**
 * Reads the product and the shop's attributes, terms and categories, plans the write-back and
 * sends one PUT when there is anything to write. Throws `WooCommerceError` when the shop fails.
 */
export async function applyWriteback(
  repo: WooCommerceRepository,
  productId: number,
  annotation: AnnotationLike,
  options: WritebackOptions,
): Promise<WritebackResult> {
  const product = await repo.getProduct(productId);
  const attributes = options.attributeFields.length > 0 ? await repo.listAttributes() : [];
  const wanted = attributes.filter((a) => options.attributeFields.some((f) => normaliseAttributeSlug(a.slug) === f));
  const terms: Record<number, WcTerm[]> = {};
  for (const a of wanted) terms[a.id] = await repo.listAttributeTerms(a.id);
  const categories = options.setCategory ? await repo.listCategories() : [];

  const plan = planWriteback(product, annotation, options, { attributes, terms, categories });
  if (Object.keys(plan.body).length === 0) return { plan, product, dropped: [] };

  const updated = await repo.updateProduct(productId, plan.body);
  const sent = (plan.body.tags ?? []).flatMap((t) => ("name" in t ? [t.name] : []));
  const dropped = sent.filter((name) => !updated.tags.some((t) => sameTerm(name, t)));
  return { plan, product: updated, dropped };
}
