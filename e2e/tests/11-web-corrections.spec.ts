import { photo, RED_DRESS } from "../support/catalogue.js";
import { expect, test } from "../support/fixtures.js";
import { screenshot } from "../support/screenshots.js";

test.describe("11. Web corrections", () => {
  test("a visitor's correction waits for the shop manager, and teaches the shop's model once accepted", async ({
    page,
    service,
    settings,
    webCorrections: corrections,
  }) => {
    await settings.connect({ mode: "auto" });
    // A label no flow uses, so this correction is the one found, and a photo the service has seen.
    const label = `Kaftans ${Date.now().toString(36)}`;
    const id = await service.correctAsVisitor(photo(RED_DRESS).file, {
      category: label,
      original: { category: "Dresses", attributes: {}, colors: ["red"] },
    });
    try {
      const stored = (await service.feedback()).find((f) => f.id === id);
      expect(stored, "the service stored the visitor's correction").toMatchObject({ source: "web", review: "pending", learns: false });

      await corrections.goto();
      const item = corrections.item(id);
      await expect(item).toContainText(`The visitor said: ${label}`);
      await expect(item).toContainText("Shown to the visitor: Dresses; colours: red");
      await expect(item.getByRole("img", { name: "Photo sent with the correction" })).toHaveAttribute("src", /^data:image\/jpeg;base64,/);
      await screenshot(page, "web-corrections");

      await item.getByRole("button", { name: "Accept" }).click();
      await expect(item).toBeHidden();
      const accepted = (await service.feedback()).find((f) => f.id === id);
      expect(accepted, "accepted in the service, where it now counts").toMatchObject({ review: "accepted", learns: true });

      await corrections.show("Accepted");
      await expect(corrections.item(id)).toContainText("teaches the shop’s model");
    } finally {
      // The correction names a category no product has: keep it out of later runs' predictions.
      await service.reviewFeedback(id, "rejected");
    }
  });
});
