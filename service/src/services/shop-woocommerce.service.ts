/**
 * A shop's link to its WooCommerce store: the REST credentials the plugin hands over when the
 * owner connects, and writing an annotation back to a product through them.
 */
import { AppError } from "../errors.js";
import { applyWriteback, createWooCommerceRepository, type WritebackOptions } from "../woocommerce/index.js";
import type { AnnotationLike } from "../woocommerce/writeback.types.js";
import type { Shop } from "./shops.service.js";

const SETTING = "woocommerce_credentials";

export function saveWooCommerceCredentials(shop: Shop, body: unknown): { connected: true; url: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  const url = typeof b.url === "string" ? b.url.trim().replace(/\/+$/, "") : "";
  if (!/^https?:\/\/[^\s/]+/i.test(url)) throw new AppError(400, "invalid_request", '"url" must be the shop\'s http(s) base URL.');
  for (const k of ["consumer_key", "consumer_secret"]) {
    if (typeof b[k] !== "string" || !(b[k] as string).trim()) throw new AppError(400, "invalid_request", `"${k}" is required.`);
  }
  shop.catalog.setSetting(SETTING, JSON.stringify({ url, consumerKey: b.consumer_key, consumerSecret: b.consumer_secret }));
  return { connected: true, url };
}

export function wooCommerceStatus(shop: Shop): { connected: boolean; url: string | null } {
  const raw = shop.catalog.getSetting(SETTING);
  return { connected: raw != null, url: raw ? (JSON.parse(raw) as { url: string }).url : null };
}

/** Writes the product's stored annotation (or the one given) back to WooCommerce. */
export async function applyToProduct(shop: Shop, productId: string, body: unknown) {
  const raw = shop.catalog.getSetting(SETTING);
  if (!raw)
    throw new AppError(
      409,
      "woocommerce_not_connected",
      "This shop has not given the service its WooCommerce credentials (PUT /v1/shop/woocommerce).",
    );
  if (!/^\d+$/.test(productId)) throw new AppError(400, "invalid_request", "Write-back needs the WooCommerce product id (a number).");
  const b = (body ?? {}) as Record<string, unknown>;
  let annotation = b.annotation as AnnotationLike | undefined;
  if (!annotation) {
    const row = shop.catalog.get(productId);
    if (!row?.annotation)
      throw new AppError(404, "product_not_found", `Product "${productId}" has no annotation here; send "annotation" or index it first.`);
    annotation = JSON.parse(row.annotation) as AnnotationLike;
  }
  const o = (b.options ?? {}) as Partial<WritebackOptions>;
  const options: WritebackOptions = {
    tagFields: stringList(o.tagFields, ["category", "color", "pattern"]),
    attributeFields: stringList(o.attributeFields, ["color"]),
    setCategory: o.setCategory === true,
    protectManual: o.protectManual !== false,
    thresholds: o.thresholds,
  };
  const result = await applyWriteback(createWooCommerceRepository(JSON.parse(raw)), Number(productId), annotation, options);
  return { id: productId, sent: result.plan.body, dropped: result.dropped, tags: result.product.tags.map((t) => t.name) };
}

function stringList(v: unknown, def: string[]): string[] {
  if (v === undefined) return def;
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string"))
    throw new AppError(400, "invalid_request", "Field lists must be lists of field names.");
  return v;
}
