import { expect, type Locator, type Page } from "@playwright/test";

/** Kalas Iris → Review queue (admin.php?page=kalas-iris-review): suggestions waiting for a person. */
export class ReviewQueuePage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/wp-admin/admin.php?page=kalas-iris-review");
    await expect(this.page.getByRole("heading", { name: /Review queue/ }).first()).toBeVisible();
  }

  /** The queue entry of one product, found by the product's name. */
  item(productName: string): Locator {
    return this.page.getByRole("listitem").filter({ hasText: productName }).or(this.page.getByRole("row").filter({ hasText: productName }));
  }

  /** Reloads the queue until the product's suggestions are listed (jobs run in the background). */
  async waitFor(productName: string, timeout = 180_000): Promise<Locator> {
    await expect(async () => {
      await this.goto();
      await expect(this.item(productName).first()).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout, intervals: [2_000, 5_000] });
    return this.item(productName).first();
  }

  async accept(productName: string): Promise<void> {
    await this.item(productName).first().getByRole("button", { name: "Accept" }).click();
  }

  async reject(productName: string): Promise<void> {
    await this.item(productName).first().getByRole("button", { name: "Reject" }).click();
  }
}
