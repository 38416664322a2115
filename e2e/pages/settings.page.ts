import { expect, type Locator, type Page } from "@playwright/test";

/** Kalas Iris → Settings (admin.php?page=kalas-iris). */
export class SettingsPage {
  readonly serviceUrl: Locator;
  readonly apiKey: Locator;
  readonly save: Locator;
  readonly testConnection: Locator;
  /** What "Test connection" answers, success or error. */
  readonly connectionResult: Locator;

  constructor(private readonly page: Page) {
    this.serviceUrl = page.getByLabel("Service URL");
    this.apiKey = page.getByLabel("API key");
    this.save = page.getByRole("button", { name: "Save settings" });
    this.testConnection = page.getByRole("button", { name: "Test connection" });
    const box = page.locator(".kalas-iris-connection");
    this.connectionResult = box.getByRole("status").or(box.locator(".components-notice"));
  }

  async goto(): Promise<void> {
    await this.page.goto("/wp-admin/admin.php?page=kalas-iris");
    await expect(this.page.getByRole("heading", { name: "Kalas Iris: Settings" })).toBeVisible();
    await expect(this.serviceUrl).toBeEditable();
  }

  /** Enters the service URL and key as an owner would, and saves. */
  async connect(url: string, key: string): Promise<void> {
    await this.serviceUrl.fill(url);
    await this.apiKey.fill(key);
    await this.save.click();
    await expect(this.page.getByText("Settings saved.").first()).toBeVisible();
  }

  async test(): Promise<void> {
    await this.testConnection.click();
    await expect(this.connectionResult.first()).toBeVisible({ timeout: 30_000 });
  }

  /** Gives the service a WooCommerce REST key (the manual path for shops without HTTPS). */
  async giveWooCommerceKeys(consumerKey: string, consumerSecret: string): Promise<void> {
    await this.page.getByLabel("Consumer key").fill(consumerKey);
    await this.page.getByLabel("Consumer secret").fill(consumerSecret);
    await this.page.getByRole("button", { name: "Save WooCommerce keys" }).click();
    await expect(this.page.getByText(/The service has WooCommerce REST access/)).toBeVisible({ timeout: 30_000 });
  }
}
