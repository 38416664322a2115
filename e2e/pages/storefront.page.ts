import { expect, type Locator, type Page } from "@playwright/test";

/** The shop as a shopper sees it: a product page and the pages with the plugin's blocks. */
export class StorefrontPage {
  constructor(private readonly page: Page) {}

  async openProduct(permalink: string): Promise<void> {
    const res = await this.page.goto(permalink);
    expect(res?.status(), `GET ${permalink}`).toBe(200);
  }

  /** The plugin's similar-products block. */
  similarBlock(): Locator {
    return this.page.locator(".kalas-iris-similar-products");
  }

  /** Names of the products listed in a product list, in order. */
  async productNames(list: Locator): Promise<string[]> {
    const titles = list
      .locator(".woocommerce-loop-product__title, .wp-block-post-title, h2, h3")
      .filter({ hasNotText: /You may also like|Related products/ });
    return (await titles.allInnerTexts()).map((t) => t.trim()).filter((t) => t !== "");
  }
}
