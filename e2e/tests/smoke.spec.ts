import { expect, test } from "../support/fixtures.js";

test("the admin is logged in", async ({ page }) => {
  await page.goto("/wp-admin/");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});
