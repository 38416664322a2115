import type { ShopApi } from "./shop-api.js";

interface Template {
  id: string;
  content: { raw: string };
}

const SIMILAR_BLOCK = "<!-- wp:kalas-iris/similar-products /-->";

/**
 * Puts the similar-products block on every product page, as an owner does in the Site Editor:
 * a customised copy of the theme's single-product template, saved through the templates API.
 */
export async function ensureSimilarProductsOnProductPages(shop: ShopApi): Promise<void> {
  const templates = await shop.wp<Template[]>("GET", "/wp/v2/templates?context=edit&per_page=100");
  const single = templates.find((t) => t.id.endsWith("//single-product"));
  if (!single) throw new Error("the active theme has no single-product template (is it a block theme?)");
  if (single.content.raw.includes("wp:kalas-iris/similar-products")) return;
  // Just before WooCommerce's related products, so both can be compared on one page.
  const related = /<!-- wp:woocommerce\/related-products/;
  const content = related.test(single.content.raw)
    ? single.content.raw.replace(related, `${SIMILAR_BLOCK}\n$&`)
    : `${single.content.raw}\n${SIMILAR_BLOCK}`;
  await shop.wp("POST", `/wp/v2/templates/${single.id}`, { content });
}

/** A published page holding the shop-by-photo block; returns its URL. */
export async function ensureShopByPhotoPage(shop: ShopApi): Promise<string> {
  const existing = await shop.wp<{ link: string }[]>("GET", "/wp/v2/pages?slug=shop-by-photo&status=publish");
  if (existing[0]) return existing[0].link;
  const page = await shop.wp<{ link: string }>("POST", "/wp/v2/pages", {
    title: "Shop by photo",
    slug: "shop-by-photo",
    status: "publish",
    content: "<!-- wp:kalas-iris/shop-by-photo /-->",
  });
  return page.link;
}
