import { expect, type Locator, type Page } from "@playwright/test";

/** Kalas Iris → Review queue (admin.php?page=kalas-iris-review): suggestions waiting for a person. */
export class ReviewQueuePage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/wp-admin/admin.php?page=kalas-iris-review");
    await expect(this.page.getByRole("heading", { name: "Kalas Iris: Review queue" })).toBeVisible();
    // The page's own count (the admin menu's count bubble says "… waiting for review" to screen readers too).
    await expect(this.page.getByRole("status").filter({ hasText: /^\d+ waiting for review$/ })).toBeVisible();
  }

  /** The queue card of one product, found by its heading. */
  item(productName: string): Locator {
    // Cards have no landmark role; the product's heading identifies one.
    return this.page.locator(".kalas-iris-review-item").filter({ has: this.page.getByRole("heading", { name: productName }) });
  }

  /** Reloads the queue until the product is listed (annotation runs in the background). */
  async waitFor(productName: string, timeout = 180_000): Promise<Locator> {
    await expect(async () => {
      await this.goto();
      await expect(this.item(productName)).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout, intervals: [2_000, 5_000] });
    return this.item(productName);
  }

  async accept(productName: string): Promise<void> {
    await this.item(productName).getByRole("button", { name: "Accept" }).click();
  }

  async reject(productName: string): Promise<void> {
    await this.item(productName).getByRole("button", { name: "Reject" }).click();
  }

  /** Opens the editor of a suggestion, unless it is open already. */
  async edit(productName: string): Promise<Locator> {
    const item = this.item(productName);
    if (!(await item.getByRole("button", { name: "Cancel edit" }).isVisible())) await item.getByRole("button", { name: "Edit" }).click();
    await expect(item.getByLabel("Category", { exact: true })).toBeVisible();
    return item;
  }

  /** The category names the editor offers while typing (its datalist). */
  async categoryOptions(productName: string): Promise<string[]> {
    const item = await this.edit(productName);
    const list = await item.getByLabel("Category", { exact: true }).getAttribute("list");
    if (!list) return [];
    return item.locator(`datalist[id="${list}"] option`).evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  }

  /** Opens the editor of a suggestion, sets the colours, and accepts the edited labels. */
  async correctColours(productName: string, colours: string): Promise<void> {
    const item = await this.edit(productName);
    await item.getByLabel("Colours (comma separated)").fill(colours);
    await item.getByRole("button", { name: "Accept" }).click();
  }
}
