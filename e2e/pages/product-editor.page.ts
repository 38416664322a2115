import { expect, type Locator, type Page } from "@playwright/test";

/** WooCommerce's product editor (post-new.php?post_type=product / post.php?post=ID&action=edit). */
export class ProductEditorPage {
  /** The plugin's "Kalas Iris" box in the sidebar. */
  readonly kalasPanel: Locator;
  readonly tagsBox: Locator;

  constructor(private readonly page: Page) {
    this.kalasPanel = page.locator("#kalas-iris-annotation");
    this.tagsBox = page.locator("#tagsdiv-product_tag");
  }

  async create(): Promise<void> {
    await this.page.goto("/wp-admin/post-new.php?post_type=product");
    await expect(this.page.getByRole("heading", { name: "Add new product", level: 1 }).first()).toBeVisible();
  }

  async open(productId: number): Promise<void> {
    await this.page.goto(`/wp-admin/post.php?post=${productId}&action=edit`);
    await expect(this.page.getByRole("heading", { name: "Edit product", level: 1 }).first()).toBeVisible();
  }

  async setName(name: string): Promise<void> {
    await this.page.getByRole("textbox", { name: "Product name" }).fill(name);
  }

  async setRegularPrice(price: string): Promise<void> {
    await this.page.getByRole("textbox", { name: /Regular price/ }).fill(price);
  }

  /** Adds a tag the way an owner types it into the "Product tags" box. */
  async addTag(tag: string): Promise<void> {
    await this.tagsBox.getByRole("combobox", { name: "Add new tag" }).fill(tag);
    await this.tagsBox.getByRole("button", { name: "Add", exact: true }).click();
    await expect(this.tagsBox.getByRole("button", { name: `Remove term: ${tag}` })).toBeVisible();
  }

  /** Uploads a photo through the media modal and sets it as the product image. */
  async setProductImage(file: string): Promise<void> {
    await this.page.getByRole("link", { name: "Set product image" }).click();
    const modal = this.page.getByRole("dialog", { name: "Product image" });
    await expect(modal).toBeVisible();
    // The modal's uploader is a hidden file input behind "Select Files".
    await modal.locator('input[type="file"]').setInputFiles(file);
    const choose = modal.getByRole("button", { name: "Set product image" });
    await expect(choose).toBeEnabled({ timeout: 60_000 });
    await choose.click();
    await expect(this.page.getByRole("link", { name: "Remove product image" })).toBeVisible();
  }

  /** Publishes and returns the new product's id. */
  async publish(): Promise<number> {
    await this.page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(this.page.getByText("Product published.")).toBeVisible({ timeout: 60_000 });
    const id = Number(new URL(this.page.url()).searchParams.get("post"));
    expect(id).toBeGreaterThan(0);
    return id;
  }

  /** Tag names shown in the "Product tags" box (each has a "Remove term: NAME" button). */
  async tags(): Promise<string[]> {
    const buttons = this.tagsBox.getByRole("button", { name: /^Remove term: / });
    return (await buttons.allTextContents()).map((t) => t.replace(/^\s*Remove term:\s*/, "").trim());
  }

  /** Clicks the plugin's "Re-annotate" in the Kalas Iris box. */
  async reannotate(): Promise<void> {
    await this.kalasPanel.getByRole("button", { name: "Re-annotate" }).click();
  }
}
