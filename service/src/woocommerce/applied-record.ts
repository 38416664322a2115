import type { WcProduct } from "./woocommerce.types.js";
import type { AppliedRecord } from "./writeback.types.js";

/** Meta key where Kalas Iris records the terms it added, so it never removes a person's. */
export const APPLIED_META_KEY = "_kalas_iris_applied";

export function emptyRecord(): AppliedRecord {
  return { v: 1, tags: [], attributes: {}, categories: [] };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * Reads the record from the product's meta. The value is stored as a JSON string (it round-trips
 * byte-identical, recording 053/054); an object value (older writers) is accepted too.
 * A missing or unreadable record means Kalas Iris added nothing, so nothing will be removed.
 */
export function readAppliedRecord(product: Pick<WcProduct, "meta_data">): AppliedRecord {
  const meta = product.meta_data?.find((m) => m.key === APPLIED_META_KEY);
  if (!meta) return emptyRecord();
  let raw: unknown = meta.value;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return emptyRecord();
    }
  }
  if (typeof raw !== "object" || raw === null) return emptyRecord();
  const r = raw as Record<string, unknown>;
  const attributes: Record<string, string[]> = {};
  if (typeof r.attributes === "object" && r.attributes !== null) {
    for (const [id, names] of Object.entries(r.attributes)) attributes[id] = strings(names);
  }
  return {
    v: 1,
    tags: strings(r.tags),
    attributes,
    categories: Array.isArray(r.categories) ? r.categories.filter((x): x is number => typeof x === "number") : [],
  };
}
