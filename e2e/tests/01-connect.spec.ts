import { expect, test } from "../support/fixtures.js";

test.describe("1. Owner connects the plugin to the service", () => {
  test("Settings: entering the URL and key, then Test connection shows the model pack", async ({ page, stack, settingsPage }) => {
    const ready = (await (await fetch(`${stack.serviceUrl}/v1/health/ready`)).json()) as { pack: { name: string; version: string } };

    await settingsPage.goto();
    await settingsPage.connect(stack.serviceUrl, stack.serviceKey);
    await settingsPage.test();

    await expect(page.getByText(ready.pack.name).first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(ready.pack.version).first()).toBeVisible();
  });

  test("a wrong key is reported in plain words, not as success", async ({ page, stack, settingsPage, settings }) => {
    await settingsPage.goto();
    await settingsPage.connect(stack.serviceUrl, "kis_wrong_key_for_e2e");
    await settingsPage.test();
    await expect(page.getByText(/key/i).filter({ hasText: /invalid|wrong|not accepted|rejected|refused/i }).first()).toBeVisible({ timeout: 30_000 });
    await settings.connect();
  });
});
