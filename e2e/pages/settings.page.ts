import { expect, type Locator, type Page } from "@playwright/test";

/** Kalas Iris → Settings (admin.php?page=kalas-iris). */
export class SettingsPage {
  readonly serviceUrl: Locator;
  readonly apiKey: Locator;
  readonly save: Locator;
  readonly testConnection: Locator;

  constructor(private readonly page: Page) {
    this.serviceUrl = page.getByLabel("Service URL");
    this.apiKey = page.getByLabel("API key");
    this.save = page.getByRole("button", { name: /^Save/ });
    this.testConnection = page.getByRole("button", { name: "Test connection" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/wp-admin/admin.php?page=kalas-iris");
    await expect(this.page.getByRole("heading", { name: /Kalas Iris/ }).first()).toBeVisible();
    await expect(this.serviceUrl).toBeEditable();
  }

  /** Enters the service URL and key as an owner would, and saves. */
  async connect(url: string, key: string): Promise<void> {
    await this.serviceUrl.fill(url);
    await this.apiKey.fill(key);
    await this.save.click();
    await expect(this.page.getByText(/saved/i).first()).toBeVisible();
  }

  /** Clicks "Test connection"; the answer region is what the owner reads. */
  async test(): Promise<void> {
    await this.testConnection.click();
  }
}
