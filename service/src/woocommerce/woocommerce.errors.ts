import { AppError } from "../errors.js";

/** Stable codes of the errors the WooCommerce client raises. */
export type WooCommerceErrorCode =
  "woocommerce_auth" | "woocommerce_not_found" | "woocommerce_rejected" | "woocommerce_unreachable" | "woocommerce_failed";

/**
 * A failed call to a shop's WooCommerce REST API, with a stable code and a plain sentence.
 * `status` is what our own API answers (502: the shop, not the caller, failed), except
 * `woocommerce_not_found` (404). The shop's own status and error code are kept for the log.
 */
export class WooCommerceError extends AppError {
  constructor(
    readonly code: WooCommerceErrorCode,
    message: string,
    readonly upstreamStatus?: number,
    readonly upstreamCode?: string,
    /** `data.resource_id` of a `term_exists` answer: the id of the term that already exists. */
    readonly resourceId?: number,
  ) {
    super(code === "woocommerce_not_found" ? 404 : 502, code, message);
    this.name = "WooCommerceError";
  }
}

export function isWooCommerceError(e: unknown): e is WooCommerceError {
  return e instanceof WooCommerceError;
}

interface UpstreamError {
  status: number;
  code?: string;
  message?: string;
  resourceId?: number;
}

/**
 * Maps WooCommerce's answer to a typed error.
 * WooCommerce answers PUT on a missing product with 400 `woocommerce_rest_product_invalid_id`
 * (recording 073), so an `*_invalid_id` code means "not found" whatever the status.
 */
export function fromUpstream(what: string, e: UpstreamError): WooCommerceError {
  const tag = e.code ? `${e.status} ${e.code}` : `${e.status}`;
  if (e.status === 401 || e.status === 403) {
    return new WooCommerceError(
      "woocommerce_auth",
      `WooCommerce refused the credentials while ${what} (${tag}). Check the consumer key and secret, and that the key has read/write access.`,
      e.status,
      e.code,
    );
  }
  if (e.status === 404 || e.status === 410 || /_invalid_id$/.test(e.code ?? "")) {
    return new WooCommerceError(
      "woocommerce_not_found",
      `WooCommerce does not have what was asked for while ${what} (${tag}).`,
      e.status,
      e.code,
    );
  }
  if (e.status >= 400 && e.status < 500) {
    const detail = e.message ? `: ${e.message}` : "";
    return new WooCommerceError(
      "woocommerce_rejected",
      `WooCommerce rejected the request while ${what} (${tag})${detail}`,
      e.status,
      e.code,
      e.resourceId,
    );
  }
  return new WooCommerceError(
    "woocommerce_failed",
    `WooCommerce failed while ${what} (${tag}). Try again later; the shop's PHP error log has the cause.`,
    e.status,
    e.code,
  );
}

/** The shop could not be reached at all: DNS, refused connection, timeout, TLS. */
export function unreachable(what: string, url: string, cause: string): WooCommerceError {
  return new WooCommerceError("woocommerce_unreachable", `The shop at ${url} could not be reached while ${what} (${cause}).`);
}
