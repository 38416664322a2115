import { expect } from "@playwright/test";

import { ShopApi, type ShopProduct } from "./shop-api.js";

/** Statuses after which the plugin has an answer from the service for a product. */
export const DONE = ["annotated", "applied", "review"];

/**
 * Polls the product through the REST API until the plugin's status is one of `statuses`,
 * within `timeout` (background jobs run every few seconds; retries back off from 60 s).
 * Returns the product as a request started after that reads it: a poll that started while a job
 * created the shop's first colour attribute has WooCommerce's older list of attribute
 * taxonomies, and answers the product without that attribute (WordPress flow 2, now and then).
 */
export async function waitForStatus(shop: ShopApi, id: number, statuses: string[], timeout: number): Promise<ShopProduct> {
  await expect
    .poll(async () => ShopApi.status(await shop.product(id)), {
      message: `product ${id} to reach ${statuses.join("|")}`,
      timeout,
      intervals: [1_000, 2_000, 5_000],
    })
    .toMatch(new RegExp(`^(${statuses.join("|")})$`));
  return shop.product(id);
}
