import { expect } from "@playwright/test";

import { ShopApi, type ShopProduct } from "./shop-api.js";

/** Statuses after which the plugin has an answer from the service for a product. */
export const DONE = ["annotated", "applied", "review"];

/**
 * Polls the product through the REST API until the plugin's status is one of `statuses`,
 * within `timeout` (background jobs run every few seconds; retries back off from 60 s).
 */
export async function waitForStatus(shop: ShopApi, id: number, statuses: string[], timeout: number): Promise<ShopProduct> {
  let last: ShopProduct | undefined;
  await expect
    .poll(
      async () => {
        last = await shop.product(id);
        return ShopApi.status(last);
      },
      { message: `product ${id} to reach ${statuses.join("|")}`, timeout, intervals: [1_000, 2_000, 5_000] },
    )
    .toMatch(new RegExp(`^(${statuses.join("|")})$`));
  return last!;
}
