import { expect, test } from "../support/fixtures.js";

test.describe("1. Owner connects the plugin to the service", () => {
  test("Settings: URL and key saved, Test connection shows the model pack", async ({ stack, settingsPage }) => {
    const ready = (await (await fetch(`${stack.serviceUrl}/v1/health/ready`)).json()) as { pack: { name: string; version: string } };

    await settingsPage.goto();
    await settingsPage.connect(stack.serviceUrlForShop, stack.serviceKey);
    await settingsPage.test();
    await expect(settingsPage.connectionResult.first()).toContainText(`Connected: model pack ${ready.pack.name} ${ready.pack.version}`);
  });

  test("the service gets WooCommerce access from a REST key entered in Settings", async ({ stack, settingsPage }) => {
    test.skip(!stack.wcConsumerKey, "the stack description has no WooCommerce REST key");
    await settingsPage.goto();
    await settingsPage.giveWooCommerceKeys(stack.wcConsumerKey!, stack.wcConsumerSecret!);
  });

  test("a wrong key is reported in plain words, not as success", async ({ stack, settingsPage, settings }) => {
    try {
      await settingsPage.goto();
      await settingsPage.connect(stack.serviceUrlForShop, "kis_wrong_key_for_e2e");
      await settingsPage.test();
      await expect(settingsPage.connectionResult.first()).not.toContainText("Connected");
      await expect(settingsPage.connectionResult.first()).toContainText(/key/i);
    } finally {
      await settings.connect();
    }
  });
});
