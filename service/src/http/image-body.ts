/**
 * Reads the image a request carries: raw bytes with an image/* content type, or the multipart
 * field "image". Anything else is refused with a clear 4xx.
 */
import express, { type NextFunction, type Request, type Response } from "express";
import multer from "multer";

import { AppError } from "../errors.js";
import { IMAGE_LIMITS } from "../repositories/image.repository.js";

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: IMAGE_LIMITS.maxBytes, files: 1, fields: 20 } });
const raw = express.raw({ type: "image/*", limit: IMAGE_LIMITS.maxBytes });
const json = express.json({ limit: "1mb" });

// Uploads being received at once. Each may hold up to MAX_IMAGE_BYTES in memory, so past this
// many the service answers 503 before reading the body instead of running out of memory.
const MAX_INFLIGHT = Number(process.env.MAX_INFLIGHT_UPLOADS ?? 32);
let inflight = 0;

/** Parses whichever body kind the request has; routes then call `imageFrom`. */
export function bodyParsers(opts: { json: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (inflight >= MAX_INFLIGHT) {
      return next(
        new AppError(503, "overloaded", "The service is receiving too many uploads; try again in a moment.", { "Retry-After": "2" }),
      );
    }
    inflight++;
    res.once("close", () => inflight--);
    const type = (req.get("content-type") ?? "").toLowerCase();
    if (type.startsWith("multipart/form-data")) return upload.single("image")(req, res, next);
    if (type.startsWith("image/")) return raw(req, res, next);
    if (opts.json && type.startsWith("application/json")) return json(req, res, next);
    if (!type && (req.get("content-length") ?? "0") === "0") return next();
    next(
      new AppError(
        415,
        "unsupported_media_type",
        `Content-Type "${type || "none"}" is not accepted here; send image/* bytes or multipart/form-data with the field "image"${opts.json ? ", or JSON" : ""}.`,
      ),
    );
  };
}

/** The uploaded image, or null when the request carried none. */
export function imageFrom(req: Request): Buffer | null {
  if (req.file) return req.file.buffer;
  if (Buffer.isBuffer(req.body)) return req.body;
  return null;
}

export function requireImage(req: Request): Buffer {
  const img = imageFrom(req);
  if (img) return img;
  const type = req.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data"))
    throw new AppError(400, "empty_body", 'The multipart upload has no file in the field "image".');
  throw new AppError(400, "empty_body", 'The request has no image: send image/* bytes or multipart/form-data with the field "image".');
}

/** Multipart text fields or JSON body fields, as strings. */
export function fieldsFrom(req: Request): Record<string, unknown> {
  return req.body && typeof req.body === "object" && !Buffer.isBuffer(req.body) ? (req.body as Record<string, unknown>) : {};
}
