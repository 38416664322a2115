/**
 * People's corrections to annotations. Each is stored with the features of its photo (from the
 * uploaded image, or from the indexed product), so catalogue learning can use it at once. Listing
 * and reviewing them: feedback-review.service.ts.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { AppError } from "../errors.js";
import { cleanLabel, cleanLabelMap, MAX_LIST } from "../http/fields.js";
import type { FeedbackCorrection } from "../openapi/answers.js";
import { thumbnailJpeg } from "../repositories/image.repository.js";
import { analyzeImage } from "./analyze.service.js";
import { checkProductId } from "./catalog.service.js";
import { decodeLimit } from "./inference-limit.js";
import { correctionsChanged } from "./relearn.service.js";
import type { Shop } from "./shops.service.js";

export type Correction = FeedbackCorrection;

/** A correction's `original` (what the model had said) is kept as sent, up to this size. */
const MAX_ORIGINAL_BYTES = 16 * 1024;
/**
 * Corrections from the public page that may wait for review at once, per shop. Anyone can send
 * them, so without a bound a visitor could fill the disk that every shop's database is on.
 */
export const MAX_PENDING_WEB_CORRECTIONS = 1000;
/** A public page's photo is kept re-encoded to fit this square (about 150 KB), not as sent. */
const WEB_PHOTO_SIDE = 1024;

const FEEDBACK_FIELDS = ["product_id", "category", "attributes", "colors", "labels", "original"];

export function parseCorrection(body: unknown): { productId: string | null; correction: Correction; original: unknown } {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new AppError(400, "invalid_request", "Feedback must be a JSON object.");
  const b = body as Record<string, unknown>;
  // A misspelt field ("categroy") would otherwise vanish, and the correction with it.
  const unknown = Object.keys(b).filter((k) => !FEEDBACK_FIELDS.includes(k));
  if (unknown.length)
    throw new AppError(
      400,
      "invalid_request",
      `Feedback has no field ${unknown.map((k) => JSON.stringify(k.slice(0, 64))).join(", ")}; its fields are ${FEEDBACK_FIELDS.join(", ")}.`,
    );
  const correction: Correction = {};
  if (b.category !== undefined) correction.category = cleanLabel(b.category, '"category"');
  if (b.attributes !== undefined) correction.attributes = cleanLabelMap(b.attributes, '"attributes"', true);
  if (b.colors !== undefined) {
    if (!Array.isArray(b.colors) || b.colors.length > MAX_LIST)
      throw new AppError(400, "invalid_request", `"colors" must be a list of up to ${MAX_LIST} colour names.`);
    correction.colors = [...new Set(b.colors.map((c, i) => cleanLabel(c, `"colors[${i}]"`, 50)))];
  }
  if (b.labels !== undefined) correction.labels = cleanLabelMap(b.labels, '"labels"') as Record<string, string>;
  if (!Object.keys(correction).length)
    throw new AppError(400, "invalid_request", "Feedback needs at least one of category, attributes, colors or labels.");
  if (b.product_id != null && typeof b.product_id !== "string" && !Number.isSafeInteger(b.product_id))
    throw new AppError(400, "invalid_request", '"product_id" must be a string or a whole number.');
  const productId = b.product_id == null ? null : checkProductId(String(b.product_id));
  const original = b.original ?? null;
  if (original !== null && Buffer.byteLength(JSON.stringify(original)) > MAX_ORIGINAL_BYTES)
    throw new AppError(400, "invalid_request", `"original" is larger than ${MAX_ORIGINAL_BYTES / 1024} KB.`);
  return { productId, correction, original };
}

/** Where a shop keeps the photos its corrections came with (written here, read by the review routes). */
export const feedbackDir = (shop: Shop): string => path.join(shop.catalog.dir, "feedback");

export async function recordFeedback(
  shop: Shop,
  input: { productId: string | null; correction: Correction; original: unknown; image?: Buffer; source: "key" | "web" },
): Promise<{ id: number; stored: true; review: "pending"; learns: boolean }> {
  if (input.source === "web" && pendingWebCorrections(shop) >= MAX_PENDING_WEB_CORRECTIONS) {
    throw new AppError(
      429,
      "review_queue_full",
      `${MAX_PENDING_WEB_CORRECTIONS} corrections from this page are waiting for the shop to review them; try again later.`,
    );
  }
  let features: Float32Array | null = null;
  let imageFile: string | null = null;
  if (input.image) {
    features = (await analyzeImage(input.image)).features;
    // Keep the photo: a later retraining (or a new backbone) needs pixels, not just features. A
    // visitor's is re-encoded: 20 MB of padding (or a phone's location in its EXIF) is not kept.
    const kept = input.source === "web" ? await decodeLimit.run(() => thumbnailJpeg(input.image!, WEB_PHOTO_SIDE)) : input.image;
    const dir = feedbackDir(shop);
    fs.mkdirSync(dir, { recursive: true });
    imageFile = path.join(dir, `${crypto.createHash("sha256").update(kept).digest("hex").slice(0, 32)}.img`);
    fs.writeFileSync(imageFile, kept);
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
  const { id, learns } = shop.catalog.addFeedback({
    productId: input.productId,
    imageFile,
    features,
    correction: input.correction,
    original: input.original,
    source: input.source,
  });
  // `learns`: whether it acts at once; a visitor of the public page is told that the shop looks at it first.
  if (learns) correctionsChanged(shop);
  return { id, stored: true, review: "pending", learns };
}

const pendingWebCorrections = (shop: Shop): number =>
  shop.catalog.listFeedback({ source: "web", review: "pending", limit: 0, offset: 0 }).total;
