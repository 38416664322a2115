/**
 * People's corrections to annotations. Each is stored with the features of its photo (from the
 * uploaded image, or from the indexed product), so catalogue learning can use it at once.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { AppError } from "../errors.js";
import { analyzeImage } from "./analyze.service.js";
import { checkProductId } from "./catalog.service.js";
import { invalidateShopHeads } from "./learn.service.js";
import type { Shop } from "./shops.service.js";

export interface Correction {
  category?: string;
  attributes?: Record<string, string | string[]>;
  colors?: string[];
  /** The shop's own labels ({field: value}), e.g. its product category name. */
  labels?: Record<string, string>;
}

export function parseCorrection(body: unknown): { productId: string | null; correction: Correction; original: unknown } {
  if (!body || typeof body !== "object") throw new AppError(400, "invalid_request", "Feedback must be a JSON object.");
  const b = body as Record<string, unknown>;
  const correction: Correction = {};
  if (b.category !== undefined) {
    if (typeof b.category !== "string" || !b.category.trim())
      throw new AppError(400, "invalid_request", '"category" must be a non-empty string.');
    correction.category = b.category.trim();
  }
  if (b.attributes !== undefined) {
    if (!isStringRecord(b.attributes, true))
      throw new AppError(400, "invalid_request", '"attributes" must map group names to a label or a list of labels.');
    correction.attributes = b.attributes as Record<string, string | string[]>;
  }
  if (b.colors !== undefined) {
    if (!Array.isArray(b.colors) || !b.colors.every((c) => typeof c === "string"))
      throw new AppError(400, "invalid_request", '"colors" must be a list of colour names.');
    correction.colors = b.colors as string[];
  }
  if (b.labels !== undefined) {
    if (!isStringRecord(b.labels, false)) throw new AppError(400, "invalid_request", '"labels" must map field names to labels.');
    correction.labels = b.labels as Record<string, string>;
  }
  if (!Object.keys(correction).length)
    throw new AppError(400, "invalid_request", "Feedback needs at least one of category, attributes, colors or labels.");
  const productId = b.product_id == null ? null : checkProductId(String(b.product_id));
  return { productId, correction, original: b.original ?? null };
}

export async function recordFeedback(
  shop: Shop,
  dataDir: string,
  input: { productId: string | null; correction: Correction; original: unknown; image?: Buffer },
): Promise<{ id: number; stored: true }> {
  let features: Float32Array | null = null;
  let imageFile: string | null = null;
  if (input.image) {
    features = (await analyzeImage(input.image)).features;
    // Keep the photo: a later retraining (or a new backbone) needs pixels, not just features.
    const dir = path.join(dataDir, "shops", shop.name, "feedback");
    fs.mkdirSync(dir, { recursive: true });
    imageFile = path.join(dir, `${crypto.createHash("sha256").update(input.image).digest("hex").slice(0, 32)}.img`);
    fs.writeFileSync(imageFile, input.image);
  } else if (input.productId) {
    const stored = shop.catalog.featuresOf(input.productId);
    if (!stored)
      throw new AppError(
        404,
        "product_not_found",
        `Product "${input.productId}" is not in this shop's index; send the image with the feedback.`,
      );
    if (stored.stale) {
      throw new AppError(
        409,
        "product_stale",
        `Product "${input.productId}" was indexed with another model pack; index it again, or send the image with the feedback.`,
      );
    }
    features = stored.features;
  } else {
    throw new AppError(400, "invalid_request", 'Feedback needs the image (multipart "image") or a "product_id" of an indexed product.');
  }
  const id = shop.catalog.addFeedback({
    productId: input.productId,
    imageFile,
    features,
    correction: input.correction,
    original: input.original,
  });
  invalidateShopHeads(shop);
  return { id, stored: true };
}

export function listFeedback(shop: Shop, limit: number) {
  return shop.catalog.listFeedback(limit).map((r) => ({
    id: r.id,
    product_id: r.product_id,
    has_image: r.image_file != null,
    correction: JSON.parse(r.correction) as Correction,
    original: r.original ? JSON.parse(r.original) : null,
    created_at: r.created_at,
  }));
}

function isStringRecord(v: unknown, allowLists: boolean): boolean {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  return Object.values(v).every((x) => typeof x === "string" || (allowLists && Array.isArray(x) && x.every((y) => typeof y === "string")));
}
