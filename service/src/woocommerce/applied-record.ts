import type { WcProduct } from "./woocommerce.types.js";
import type { AppliedRecord } from "./writeback.types.js";

/** Meta key where Kalas Iris records the terms it added (shared with the plugin's AnnotationMeta::APPLIED). */
export const APPLIED_META_KEY = "_kalas_iris_applied";

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * Reads the record from the product's meta. The plugin stores it as a JSON string (which
 * round-trips byte-identical, recording 053/054); an object value is accepted too (057).
 * A missing or unreadable record means Kalas Iris added nothing, so nothing will be removed.
 */
export function readAppliedRecord(product: Pick<WcProduct, "meta_data">): AppliedRecord {
  const meta = product.meta_data?.find((m) => m.key === APPLIED_META_KEY);
  let raw: unknown = meta?.value;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return {};
    }
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
  const record: AppliedRecord = {};
  for (const [taxonomy, entry] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof entry !== "object" || entry === null) continue;
    const e = entry as { applied?: unknown; declined?: unknown };
    record[taxonomy] = { applied: strings(e.applied), declined: strings(e.declined) };
  }
  return record;
}
