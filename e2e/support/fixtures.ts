import { test as base, expect } from "@playwright/test";

import { BackfillPage } from "../pages/backfill.page.js";
import { ProductEditorPage } from "../pages/product-editor.page.js";
import { ReviewQueuePage } from "../pages/review-queue.page.js";
import { SettingsPage } from "../pages/settings.page.js";
import { StorefrontPage } from "../pages/storefront.page.js";
import { WebCorrectionsPage } from "../pages/web-corrections.page.js";
import { photosMissing } from "./photos.js";
import { PluginSettings, type KalasSettings } from "./plugin-settings.js";
import { ServiceApi } from "./service-api.js";
import { ShopApi, type NewProduct, type ShopProduct } from "./shop-api.js";
import { readStack, type Stack } from "./stack-env.js";

const found = readStack();

/**
 * Products that flows deleted in WordPress. The plugin removes them from the service through queued jobs,
 * so for a while after a bulk delete (flow 5 deletes 200) the service still ranks them, and a storefront
 * block can find few visible products among its nearest. A flow that compares neighbours starts after
 * those jobs have run.
 */
const deletedInShop = new Set<number>();

async function awaitServiceRemovals(stack: Stack, timeoutMs = 90_000): Promise<void> {
  const service = new ServiceApi(stack);
  if (deletedInShop.size === 0 || !(await service.isUp())) return;
  const started = Date.now();
  while (deletedInShop.size > 0 && Date.now() - started < timeoutMs) {
    for (const id of [...deletedInShop]) if (!(await service.product(id))) deletedInShop.delete(id);
    if (deletedInShop.size > 0) await new Promise((r) => setTimeout(r, 2000));
  }
  if (deletedInShop.size > 0)
    console.warn(`[e2e] after ${timeoutMs / 1000} s the service still holds ${deletedInShop.size} products deleted in the shop`);
}

/** A ShopApi that deletes, after the test, every product the test created through it. */
export interface TrackedShop extends ShopApi {
  created: number[];
}

interface Fixtures {
  stack: Stack;
  shop: TrackedShop;
  service: ServiceApi;
  /** The plugin's settings; `connect()` points the plugin at the stack's service. */
  settings: PluginSettings;
  settingsPage: SettingsPage;
  productEditor: ProductEditorPage;
  reviewQueue: ReviewQueuePage;
  webCorrections: WebCorrectionsPage;
  backfillPage: BackfillPage;
  storefront: StorefrontPage;
}

/**
 * `test` for the flows. Every test is skipped, with the reason, when there is no stack or no
 * photos; with them, it gets API helpers, page objects and a clean-up of its products.
 */
export const test = base.extend<Fixtures>({
  // Playwright requires the object pattern for a fixture that uses no other fixture.
  // eslint-disable-next-line no-empty-pattern
  stack: async ({}, use, testInfo) => {
    testInfo.skip("reason" in found, "reason" in found ? found.reason : "");
    const missing = photosMissing();
    testInfo.skip(!!missing, missing ?? "");
    await use((found as { stack: Stack }).stack);
  },
  page: async ({ page, stack }, use) => {
    void stack; // a test without a stack is skipped before the browser opens
    await use(page);
  },
  shop: async ({ stack }, use) => {
    const api = await ShopApi.open(stack);
    // Flows compare products with each other: start without any left by an interrupted run, in the
    // shop and in the service.
    const leftovers = await api.e2eProductIds();
    await api.deleteProducts(leftovers);
    leftovers.forEach((id) => deletedInShop.add(id));
    await awaitServiceRemovals(stack);
    const created: number[] = [];
    const tracked = Object.assign(Object.create(api) as ShopApi, {
      created,
      async createProduct(p: NewProduct): Promise<ShopProduct> {
        const product = await api.createProduct(p);
        created.push(product.id);
        return product;
      },
      async createProducts(list: NewProduct[]): Promise<ShopProduct[]> {
        const products = await api.createProducts(list);
        created.push(...products.map((p) => p.id));
        return products;
      },
    }) as TrackedShop;
    await use(tracked);
    if (created.length > 0) {
      await api.deleteProducts(created).catch(() => undefined);
      created.forEach((id) => deletedInShop.add(id));
    }
    await api.close();
  },
  service: async ({ stack }, use) => {
    const service = new ServiceApi(stack);
    await use(service);
    // A flow that stopped the service must not leave the next one without it.
    if (service.controllable && !(await service.isUp())) await service.start();
  },
  settings: async ({ stack, shop }, use) => {
    await use(new PluginSettings(stack, shop));
  },
  settingsPage: async ({ page }, use) => use(new SettingsPage(page)),
  productEditor: async ({ page }, use) => use(new ProductEditorPage(page)),
  reviewQueue: async ({ page }, use) => use(new ReviewQueuePage(page)),
  webCorrections: async ({ page }, use) => use(new WebCorrectionsPage(page)),
  backfillPage: async ({ page }, use) => use(new BackfillPage(page)),
  storefront: async ({ page }, use) => use(new StorefrontPage(page)),
});

export { expect };
export type { KalasSettings };
