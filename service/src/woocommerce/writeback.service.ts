import { APPLIED_META_KEY, readAppliedRecord } from "./applied-record.js";
import { labelsFor, sameTerm, titleCase } from "./writeback.labels.js";
import type { WooCommerceRepository } from "./woocommerce.repository.js";
import { normaliseAttributeSlug } from "./woocommerce.repository.js";
import type { AttributeWrite, ProductUpdate, TagWrite, WcProduct, WcTermRef } from "./woocommerce.types.js";
import type {
  AnnotationLike,
  AppliedRecord,
  SkippedField,
  WritebackCatalog,
  WritebackOptions,
  WritebackPlan,
} from "./writeback.types.js";

const EMPTY_CATALOG: WritebackCatalog = { attributes: [], terms: {}, categories: [] };
const UNCATEGORIZED = "uncategorized";

const lower = (s: string) => s.toLowerCase();

interface TagPlan {
  write?: TagWrite[];
  added: string[];
  removed: string[];
  ours: string[];
}

/**
 * Tags: a PUT replaces the whole list (recording 044), so every tag that stays is sent by id and
 * every new one by exact name (046). Only tags Kalas Iris itself added earlier may be removed.
 */
function planTags(product: WcProduct, desired: string[], before: AppliedRecord): TagPlan {
  const current = product.tags ?? [];
  const desiredLower = new Set(desired.map(lower));
  const removedTags = current.filter(
    (t) => before.tags.some((name) => sameTerm(name, t)) && !desired.some((d) => sameTerm(d, t)),
  );
  const kept = current.filter((t) => !removedTags.includes(t));
  const added = desired.filter((d, i) => desired.findIndex((x) => lower(x) === lower(d)) === i && !current.some((t) => sameTerm(d, t)));
  // Still ours: tags we added before that the annotation still supports, plus the new ones.
  const ours = [
    ...before.tags.filter((name) => desiredLower.has(lower(name)) && current.some((t) => sameTerm(name, t))),
    ...added,
  ];
  const changed = added.length > 0 || removedTags.length > 0;
  return {
    write: changed ? [...kept.map((t) => ({ id: t.id })), ...added.map((name) => ({ name }))] : undefined,
    added,
    removed: removedTags.map((t) => t.name),
    ours,
  };
}

function attributeWrite(a: WcProduct["attributes"][number], options: string[] = a.options): AttributeWrite {
  // WooCommerce saves an omitted visible/variation as false and position as 0, so all are sent.
  const common = { options, visible: a.visible, variation: a.variation, position: a.position };
  return a.id > 0 ? { id: a.id, ...common } : { name: a.name, ...common };
}

/**
 * Computes the PUT products/<id> body that writes `annotation` to `product`, without any I/O.
 * Lists that WooCommerce replaces on PUT (tags, attributes, categories) are sent whole, so
 * nothing already on the product is lost; only terms recorded in `_kalas_iris_applied` as
 * Kalas Iris' own are ever removed. `catalog` resolves attribute slugs, term spelling and
 * category names; without it only attributes given by id can be written.
 */
export function planWriteback(
  product: WcProduct,
  annotation: AnnotationLike,
  options: WritebackOptions,
  catalog: WritebackCatalog = EMPTY_CATALOG,
): WritebackPlan {
  const before = readAppliedRecord(product);
  const skipped: SkippedField[] = [];
  const body: ProductUpdate = {};

  // Tags.
  const desiredTags: string[] = [];
  for (const field of options.tagFields) {
    const { labels, reason } = labelsFor(annotation, field, options.thresholds);
    if (reason) skipped.push({ field, reason });
    desiredTags.push(...labels);
  }
  const tags = planTags(product, desiredTags, before);
  if (tags.write) body.tags = tags.write;

  // Global attributes.
  const attributes = (product.attributes ?? []).map((a) => ({ ...a, options: [...a.options] }));
  const addedAttrs: Record<string, string[]> = {};
  const removedAttrs: Record<string, string[]> = {};
  const oursAttrs: Record<string, string[]> = {};
  let attributesChanged = false;
  for (const [field, ref] of Object.entries(options.attributeFields)) {
    const global =
      typeof ref === "number"
        ? (catalog.attributes.find((a) => a.id === ref) ?? { id: ref, name: String(ref), slug: "" })
        : catalog.attributes.find((a) => normaliseAttributeSlug(a.slug) === normaliseAttributeSlug(ref));
    if (!global) {
      skipped.push({ field, reason: `the shop has no global attribute "${String(ref)}"` });
      continue;
    }
    const key = String(global.id);
    const { labels, reason } = labelsFor(annotation, field, options.thresholds);
    const existing = attributes.find((a) => a.id === global.id);
    const oursBefore = before.attributes[key] ?? [];
    const manual = (existing?.options ?? []).filter((o) => !oursBefore.some((m) => lower(m) === lower(o)));
    if (reason) skipped.push({ field, reason });
    // Unsure now and nothing of ours to take back: leave the attribute alone.
    if (reason && oursBefore.length === 0) continue;
    if (options.protectManual && manual.length > 0) {
      skipped.push({ field, reason: `a person set ${global.name} to ${manual.join(", ")}` });
      oursAttrs[key] = (existing?.options ?? []).filter((o) => oursBefore.some((m) => lower(m) === lower(o)));
      continue;
    }
    const terms = catalog.terms[global.id] ?? [];
    const spelled = labels.map((l) => terms.find((t) => sameTerm(l, t))?.name ?? titleCase(l));
    const gone = (existing?.options ?? []).filter(
      (o) => oursBefore.some((m) => lower(m) === lower(o)) && !spelled.some((s) => lower(s) === lower(o)),
    );
    const keep = (existing?.options ?? []).filter((o) => !gone.includes(o));
    const fresh = spelled.filter((s) => !keep.some((o) => lower(o) === lower(s)));
    oursAttrs[key] = [...keep.filter((o) => oursBefore.some((m) => lower(m) === lower(o))), ...fresh];
    if (fresh.length === 0 && gone.length === 0) continue;
    attributesChanged = true;
    if (fresh.length > 0) addedAttrs[key] = fresh;
    if (gone.length > 0) removedAttrs[key] = gone;
    const nextOptions = [...keep, ...fresh];
    if (existing) {
      existing.options = nextOptions;
    } else {
      const position = attributes.reduce((max, a) => Math.max(max, a.position + 1), 0);
      attributes.push({ id: global.id, name: global.name, slug: global.slug, position, visible: true, variation: false, options: nextOptions });
    }
  }
  if (attributesChanged) {
    // A global attribute with no options is dropped by WooCommerce (recording 052), which is what we want.
    body.attributes = attributes.map((a) => attributeWrite(a));
  }

  // Category.
  let addedCategories: number[] = [];
  let removedCategories: number[] = [];
  let oursCategories = before.categories.filter((id) => product.categories.some((c) => c.id === id));
  if (options.setCategory) {
    const { labels, reason } = labelsFor(annotation, "category", options.thresholds);
    const label = labels[0];
    const target = label ? catalog.categories.find((c) => sameTerm(label, c)) : undefined;
    const current: WcTermRef[] = product.categories ?? [];
    const manual = current.filter((c) => c.slug !== UNCATEGORIZED && !before.categories.includes(c.id));
    if (reason) skipped.push({ field: "category", reason });
    else if (!target) skipped.push({ field: "category", reason: `the shop has no category named "${label}"` });
    else if (options.protectManual && manual.length > 0) {
      skipped.push({ field: "category", reason: `a person put the product in ${manual.map((c) => c.name).join(", ")}` });
    } else {
      removedCategories = oursCategories.filter((id) => id !== target.id);
      const keep = current.filter((c) => c.slug !== UNCATEGORIZED && !removedCategories.includes(c.id)).map((c) => c.id);
      addedCategories = keep.includes(target.id) ? [] : [target.id];
      oursCategories = [...oursCategories.filter((id) => id === target.id), ...addedCategories];
      if (addedCategories.length > 0 || removedCategories.length > 0) {
        // Categories are honoured only by id (recording 064) and the list is replaced (063).
        body.categories = [...keep, ...addedCategories].map((id) => ({ id }));
      }
    }
  }

  const applied: AppliedRecord = {
    v: 1,
    tags: tags.ours,
    attributes: Object.fromEntries(
      Object.entries({ ...before.attributes, ...oursAttrs }).filter(([, names]) => names.length > 0),
    ),
    categories: oursCategories,
    ...(annotation.model ? { model: annotation.model } : {}),
  };
  const changed = Object.keys(body).length > 0;
  if (changed) {
    // meta_data merges by key (recording 055), so only our key is sent.
    body.meta_data = [{ key: APPLIED_META_KEY, value: JSON.stringify(applied) }];
  }
  return {
    body,
    changed,
    added: { tags: tags.added, attributes: addedAttrs, categories: addedCategories },
    removed: { tags: tags.removed, attributes: removedAttrs, categories: removedCategories },
    skipped,
    applied,
  };
}

/** What `applyWriteback` did. */
export interface WritebackResult {
  plan: WritebackPlan;
  /** The product as WooCommerce returned it after the PUT (or as read, when nothing changed). */
  product: WcProduct;
  /**
   * Tags sent by name that WooCommerce did not attach. It drops a name that matches another
   * tag's slug but not its name, silently (recording 048).
   */
  dropped: string[];
}

/**
 * Reads the product and the shop's attributes, terms and categories, plans the write-back and,
 * when something changes, sends one PUT. Throws `WooCommerceError` when the shop fails.
 */
export async function applyWriteback(
  repo: WooCommerceRepository,
  productId: number,
  annotation: AnnotationLike,
  options: WritebackOptions,
): Promise<WritebackResult> {
  const product = await repo.getProduct(productId);
  const refs = Object.values(options.attributeFields);
  const attributes = refs.length > 0 ? await repo.listAttributes() : [];
  const wanted = attributes.filter((a) =>
    refs.some((r) => (typeof r === "number" ? r === a.id : normaliseAttributeSlug(r) === normaliseAttributeSlug(a.slug))),
  );
  const terms: Record<number, Awaited<ReturnType<WooCommerceRepository["listAttributeTerms"]>>> = {};
  for (const a of wanted) terms[a.id] = await repo.listAttributeTerms(a.id);
  const categories = options.setCategory ? await repo.listCategories() : [];

  const plan = planWriteback(product, annotation, options, { attributes, terms, categories });
  if (!plan.changed) return { plan, product, dropped: [] };

  const updated = await repo.updateProduct(productId, plan.body);
  const dropped = plan.added.tags.filter((name) => !(updated.tags ?? []).some((t) => sameTerm(name, t)));
  return { plan, product: updated, dropped };
}
