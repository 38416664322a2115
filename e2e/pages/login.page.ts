import { expect, type Page } from "@playwright/test";

/** wp-login.php. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  /** Logs in and waits for the dashboard. */
  async logIn(user: string, password: string): Promise<void> {
    await this.page.goto("/wp-login.php");
    await this.page.getByLabel("Username or Email Address").fill(user);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Log In" }).click();
    await expect(this.page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: 60_000 });
  }
}
