/**
 * The service's WooCommerce client: a repository over the shop's REST API, and the write-back
 * of annotations to products (tags, global attributes, category) that never removes a person's labels.
 */
export { createWooCommerceRepository, MAX_PER_PAGE } from "./woocommerce.repository.js";
export { parseShopUrl } from "./shop-url.js";
export type { WooCommerceRepository, EnsuredTerm } from "./woocommerce.repository.js";
export { planWriteback, applyWriteback } from "./writeback.service.js";
export type { WritebackResult } from "./writeback.service.js";
export { WooCommerceError, isWooCommerceError } from "./woocommerce.errors.js";
export type { WooCommerceErrorCode } from "./woocommerce.errors.js";
export { APPLIED_META_KEY, readAppliedRecord } from "./applied-record.js";
export { mergeLabels } from "./label-merger.js";
export type * from "./woocommerce.types.js";
export type * from "./writeback.types.js";
