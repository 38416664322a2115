import { expect, type Locator, type Page } from "@playwright/test";

/** Kalas Iris → Backfill (admin.php?page=kalas-iris-backfill): annotate the existing catalogue. */
export class BackfillPage {
  readonly progress: Locator;
  readonly state: Locator;
  /** The "After a model update" panel: how many products an older model indexed. */
  readonly reindexState: Locator;
  readonly reindexButton: Locator;

  constructor(private readonly page: Page) {
    this.progress = page.getByRole("progressbar", { name: "Backfill progress" });
    this.state = page.getByTestId("backfill-state");
    this.reindexState = page.getByTestId("reindex-state");
    this.reindexButton = page.getByRole("button", { name: "Analyse them again" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/wp-admin/admin.php?page=kalas-iris-backfill");
    await expect(this.page.getByRole("heading", { name: "Kalas Iris: Backfill" })).toBeVisible();
  }

  async start(): Promise<void> {
    await this.page.getByRole("button", { name: "Start backfill" }).click();
    // The bar of the previous run ("200 of 200", Done.) stays until the new run's first answer:
    // wait for the new run, or a finished old one would pass for it.
    await expect(this.state).toHaveAttribute("data-state", "running");
    await expect(this.progress).toBeVisible();
  }

  /** Waits, within `timeout`, until the bar (which the page polls) says `total` of `total`. */
  async waitUntilDone(total: number, timeout: number): Promise<void> {
    await expect(this.progress).toHaveAttribute("aria-valuemax", String(total), { timeout: 60_000 });
    await expect(this.progress).toHaveAttribute("aria-valuetext", `${total} of ${total} products`, { timeout });
    await expect(this.state).toHaveText("Done.");
  }
}
