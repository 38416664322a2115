/**
 * A shop's similar-items catalogue: upsert and remove products, and find the nearest products
 * to a product or to a photo.
 */
import { AppError, isAppError, notFound } from "../errors.js";
import type { ProductRow } from "../repositories/catalog.repository.js";
import { RERANK_CANDIDATES, rerank } from "../model/rerank.js";
import { fetchImage } from "../repositories/image-fetch.repository.js";
import type { Annotation, SimilarItem } from "../openapi/answers.js";
import { analyzeImage, type Analysis } from "./analyze.service.js";
import { shopPredictor } from "./learn.service.js";
import type { Shop } from "./shops.service.js";

export interface ProductInput {
  id: string;
  image?: Buffer;
  imageUrl?: string;
  name?: string;
  permalink?: string;
  /** The shop's own labels for this product ({field: value}), used for catalogue learning. */
  labels?: Record<string, string>;
}

const PRODUCT_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function checkProductId(id: string): string {
  if (!PRODUCT_ID.test(id)) throw new AppError(400, "invalid_request", "A product id is 1-128 letters, digits, '.', '_', ':' or '-'.");
  return id;
}

export async function upsertProduct(shop: Shop, input: ProductInput): Promise<{ id: string; annotation: Annotation }> {
  checkProductId(input.id);
  const bytes = input.image ?? (input.imageUrl ? await fetchImage(input.imageUrl, allowsPrivateUrls(shop)) : null);
  if (!bytes)
    throw new AppError(400, "invalid_request", 'Send the product image as the body, as multipart field "image", or as JSON "image_url".');
  let analysis: Analysis;
  try {
    analysis = await analyzeImage(bytes, shopPredictor(shop));
  } catch (e) {
    // The image errors speak of "the body"; one fetched from image_url must say so instead.
    if (input.image || !isAppError(e) || e.status !== 400) throw e;
    throw new AppError(400, e.code, fromUrl(e));
  }
  return storeProduct(shop, input, analysis);
}

/** Stores an already analysed product: the database first, then the index. */
export function storeProduct(shop: Shop, input: ProductInput, analysis: Analysis): { id: string; annotation: Annotation } {
  const { annotation, features, vector } = analysis;
  const row = shop.catalog.upsert({
    id: input.id,
    name: input.name,
    permalink: input.permalink,
    imageUrl: input.imageUrl,
    annotation,
    labels: input.labels,
    vector,
    features,
  });
  // The database row is committed first: if the process dies now, the index catches up on restart.
  shop.index.put(row.label, vector);
  shop.touch();
  return { id: input.id, annotation };
}

export function removeProduct(shop: Shop, id: string): { id: string; deleted: true } {
  const row = shop.catalog.remove(checkProductId(id));
  if (!row) throw notFound("product_not_found", `Product "${id}" is not in this shop's index.`);
  shop.index.remove(row.label);
  shop.touch();
  return { id, deleted: true };
}

/**
 * Replaces the shop's own labels of indexed products (an empty object clears them); products not in
 * the index are listed as missing. The labels count in the next prediction's neighbour vote at once,
 * and in the heads at the next learning.
 */
export function setProductLabels(
  shop: Shop,
  items: { id: string; labels: Record<string, string> }[],
): { updated: number; missing: string[] } {
  for (const { id } of items) checkProductId(id);
  const missing = shop.catalog.setLabels(items);
  return { updated: items.length - missing.length, missing };
}

export function getProduct(shop: Shop, id: string) {
  const row = shop.catalog.get(checkProductId(id));
  if (!row) throw notFound("product_not_found", `Product "${id}" is not in this shop's index.`);
  return {
    id: row.id,
    name: row.name,
    permalink: row.permalink,
    image_url: row.image_url,
    annotation: row.annotation ? (JSON.parse(row.annotation) as Annotation) : null,
    labels: row.labels ? JSON.parse(row.labels) : null,
    updated_at: row.updated_at,
  };
}

export function similarToProduct(shop: Shop, id: string, k: number): SimilarItem[] {
  const row = shop.catalog.get(checkProductId(id));
  const stored = row ? shop.catalog.vectorOf(id) : null;
  if (!row || !stored) throw notFound("product_not_found", `Product "${id}" is not in this shop's index.`);
  const { vector } = stored;
  if (stored.stale || vector.length !== shop.index.dim) {
    throw new AppError(409, "product_stale", `Product "${id}" was indexed with another model pack; index it again to search from it.`);
  }
  return nearest(shop, vector, k, row.label, row.annotation ? (JSON.parse(row.annotation) as Annotation) : null);
}

export async function similarToImage(shop: Shop, image: Buffer, k: number): Promise<{ items: SimilarItem[]; annotation: Annotation }> {
  const { vector, annotation } = await analyzeImage(image, shopPredictor(shop));
  return { items: nearest(shop, vector, k, null, annotation), annotation };
}

function nearest(shop: Shop, vector: Float32Array, k: number, exclude: number | null, query: Annotation | null): SimilarItem[] {
  // Visual candidates first (a few extra: some may belong to products removed since the last
  // save), then the same kind and colour of garment move up among them.
  shop.sync();
  const hits = shop.index.search(vector, Math.max(k * 4, RERANK_CANDIDATES), exclude == null ? undefined : (label) => label !== exclude);
  const rows = shop.catalog.byLabels(hits.map((h) => h.label));
  const candidates = hits
    .filter((h) => rows.has(h.label))
    .map((h) => {
      const row = rows.get(h.label)!;
      const a = row.annotation ? (JSON.parse(row.annotation) as Annotation) : null;
      return { row, score: h.score, category: a?.category?.label, color: mainColor(a) };
    });
  return rerank(candidates, { category: query?.category?.label, color: mainColor(query) })
    .slice(0, k)
    .map((c) => itemOf(c.row, c.score));
}

const mainColor = (a: Annotation | null) => a?.colors?.[0]?.name ?? null;

function itemOf(row: ProductRow, score: number): SimilarItem {
  return {
    id: row.id,
    score: Math.round(score * 1e4) / 1e4,
    name: row.name,
    permalink: row.permalink,
    image_url: row.image_url,
  };
}

export function allowsPrivateUrls(shop: Shop): boolean {
  return shop.catalog.getSetting("allow_private_urls") === "true" || process.env.ALLOW_PRIVATE_IMAGE_URLS === "true";
}

/** An image error told of the file at image_url, not of a request body the client never sent. */
function fromUrl(e: AppError): string {
  if (e.code === "empty_body") return "The file at image_url is empty.";
  if (e.code === "not_an_image") return "The file at image_url is not an image that can be read (JPEG, PNG, WebP, GIF, AVIF or TIFF).";
  return `The file at image_url: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`;
}
