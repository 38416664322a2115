import { expect, type Locator, type Page } from "@playwright/test";

/** Kalas Iris → Web corrections (admin.php?page=kalas-iris-web): corrections from the public try-it page. */
export class WebCorrectionsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/wp-admin/admin.php?page=kalas-iris-web");
    await expect(this.page.getByRole("heading", { name: "Kalas Iris: Web corrections" })).toBeVisible();
    await expect(this.page.getByRole("status").filter({ hasText: /\d+ corrections?$/ })).toBeVisible();
  }

  async show(list: "Waiting for review" | "Accepted" | "Rejected"): Promise<void> {
    await this.page.getByLabel("Show").selectOption({ label: list });
  }

  /** The card of one correction, by its id in the service. */
  item(id: number): Locator {
    return this.page.locator(`[data-correction-id="${id}"]`);
  }
}
