/**
 * A person's review of stored corrections: list them by source and review state, accept or reject
 * them, and show the photo each was sent with. A rejected correction never acts on the shop's
 * predictions, an accepted one always does, so corrections from the public try-it page can be used
 * once someone has looked at them (the rule itself: `learnsSql` in catalog.repository.ts).
 */
import fs from "node:fs";
import path from "node:path";

import { AppError, notFound } from "../errors.js";
import type { FeedbackCorrection, FeedbackItem, FeedbackList, FeedbackReview } from "../openapi/answers.js";
import type { FeedbackRow } from "../repositories/catalog.repository.js";
import { thumbnailJpeg } from "../repositories/image.repository.js";
import { decodeLimit } from "./inference-limit.js";
import { feedbackDir } from "./feedback.service.js";
import { imageMediaType } from "./image-type.js";
import { correctionsChanged } from "./relearn.service.js";
import type { Shop } from "./shops.service.js";

export const FEEDBACK_SOURCES = ["web", "key"] as const;
export const FEEDBACK_REVIEWS = ["pending", "accepted", "rejected"] as const;

export interface FeedbackQuery {
  source?: (typeof FEEDBACK_SOURCES)[number];
  review?: FeedbackReview;
  limit: number;
  offset: number;
}

export function listFeedback(shop: Shop, q: FeedbackQuery): FeedbackList {
  const { rows, total } = shop.catalog.listFeedback(q);
  return { items: rows.map(toItem), total };
}

/** Sets a correction's review and answers it as it is now; the shop's next prediction follows. */
export function reviewFeedback(shop: Shop, id: string, review: FeedbackReview): FeedbackItem {
  const reviewed = shop.catalog.setFeedbackReview(feedbackId(id), review === "pending" ? null : review);
  if (!reviewed) throw missing(id);
  if (reviewed.learnedBefore !== (reviewed.row.learns === 1)) correctionsChanged(shop);
  return toItem(reviewed.row);
}

/**
 * Deletes a correction and, unless another correction came with the same photo, its photo: for a
 * shop that clears what the public page collected, or a person who asks for their photo to go.
 */
export function deleteFeedback(shop: Shop, id: string): { id: number; deleted: true } {
  const n = feedbackId(id);
  const deleted = shop.catalog.deleteFeedback(n);
  if (!deleted) throw missing(id);
  if (deleted.orphanedImage) fs.rmSync(path.join(feedbackDir(shop), path.basename(deleted.orphanedImage)), { force: true });
  if (deleted.learned) correctionsChanged(shop);
  return { id: n, deleted: true };
}

/**
 * The photo a correction was sent with, and its media type; with `max`, a JPEG that fits a square of
 * that side, for a review screen that lists many (a phone photo is megabytes, and browsers do not
 * show every type a correction may be stored in, such as TIFF or HEIC).
 */
export async function feedbackImage(shop: Shop, id: string, max?: number): Promise<{ bytes: Buffer; type: string }> {
  const row = shop.catalog.getFeedback(feedbackId(id));
  if (!row) throw missing(id);
  if (!row.image_file) throw notFound("image_not_found", `Correction ${id} has no stored photo: it named an indexed product.`);
  // Read from the shop's own folder, not the stored absolute path: a data folder that was moved or
  // restored elsewhere keeps its photos, and a database row can never point the service at another file.
  const file = path.join(feedbackDir(shop), path.basename(row.image_file));
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    throw notFound("image_not_found", `The photo of correction ${id} is no longer stored.`);
  }
  if (!max) return { bytes, type: imageMediaType(bytes) };
  return { bytes: await decodeLimit.run(() => thumbnailJpeg(bytes, max)), type: "image/jpeg" };
}

/** Ids are the database's row numbers ("07" is 7); null for anything that cannot name a correction. */
export function parseFeedbackId(id: string): number | null {
  const n = /^\d{1,15}$/.test(id) ? Number(id) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}

function feedbackId(id: string): number {
  const n = parseFeedbackId(id);
  if (n === null) throw missing(id);
  return n;
}

const missing = (id: string) =>
  new AppError(404, "feedback_not_found", `There is no correction ${JSON.stringify(id.slice(0, 64))} in this shop.`);

function toItem(r: FeedbackRow): FeedbackItem {
  return {
    id: r.id,
    product_id: r.product_id,
    has_image: r.image_file != null,
    correction: JSON.parse(r.correction) as FeedbackCorrection,
    original: r.original ? (JSON.parse(r.original) as unknown) : null,
    source: r.source === "web" ? "web" : "key",
    review: r.review === "accepted" || r.review === "rejected" ? r.review : "pending",
    learns: r.learns === 1,
    created_at: r.created_at,
  };
}
