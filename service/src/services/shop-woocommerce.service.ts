/**
 * A shop's link to its WooCommerce store: the REST credentials the plugin hands over when the
 * owner connects, and writing an annotation back to a product through them.
 */
import { AppError } from "../errors.js";
import { parseApplyBody } from "./apply-input.js";
import { addressGuard, type AddressGuard } from "../repositories/image-fetch.repository.js";
import { applyWriteback, createWooCommerceRepository, parseShopUrl } from "../woocommerce/index.js";
import type { WooCommerceCredentials } from "../woocommerce/woocommerce.types.js";
import type { AnnotationLike } from "../woocommerce/writeback.types.js";
import { allowsPrivateUrls } from "./catalog.service.js";
import type { Shop } from "./shops.service.js";

const SETTING = "woocommerce_credentials";

/** The shop's WooCommerce URL may reach private addresses only where its image URLs may. */
function shopUrlGuard(shop: Shop): AddressGuard {
  return addressGuard(allowsPrivateUrls(shop), "The shop's WooCommerce URL");
}

export function saveWooCommerceCredentials(shop: Shop, body: unknown): { connected: true; url: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  const url = parseShopUrl(b.url);
  // An address literal is refused now; a name is checked when it is resolved, on each call.
  shopUrlGuard(shop).checkHost(new URL(url).hostname);
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
  const { options, annotation: sent } = parseApplyBody(body);
  let annotation = sent;
  if (!annotation) {
    const row = shop.catalog.get(productId);
    if (!row?.annotation)
      throw new AppError(404, "product_not_found", `Product "${productId}" has no annotation here; send "annotation" or index it first.`);
    annotation = JSON.parse(row.annotation) as AnnotationLike;
  }
  const creds = JSON.parse(raw) as WooCommerceCredentials;
  try {
    creds.url = parseShopUrl(creds.url);
  } catch (e) {
    // Credentials stored before the URL was checked on save may hold anything.
    throw new AppError(
      409,
      "woocommerce_not_connected",
      `The stored WooCommerce URL is no longer accepted (${(e as Error).message}); send the credentials again (PUT /v1/shop/woocommerce).`,
    );
  }
  const repo = createWooCommerceRepository(creds, shopUrlGuard(shop));
  const result = await applyWriteback(repo, Number(productId), annotation, options);
  return { id: productId, sent: result.plan.body, dropped: result.dropped, tags: result.product.tags.map((t) => t.name) };
}
