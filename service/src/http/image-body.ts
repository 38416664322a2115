/**
 * Reads the image a request carries: raw bytes with an image/* content type, or the multipart
 * field "image". Anything else is refused with a clear 4xx.
 */
import express, { type NextFunction, type Request, type Response } from "express";
import multer from "multer";

import { AppError, isAppError, megabytes } from "../errors.js";
import { IMAGE_LIMITS } from "../repositories/image.repository.js";
import { envNumber } from "../env.js";

const JSON_LIMIT = 1024 * 1024;
// The image routes' text fields are a handful (a correction; a product's name, links and labels).
const MAX_FIELDS = 8;
const FIELD_BYTES = 1024 * 1024;
// A multipart body also carries its text fields and part headers, so only a length past all of
// them is sure to break a limit before a byte is read.
const MULTIPART_LIMIT = IMAGE_LIMITS.maxBytes + MAX_FIELDS * FIELD_BYTES + 64 * 1024;

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: IMAGE_LIMITS.maxBytes, files: 1, fields: MAX_FIELDS, fieldSize: FIELD_BYTES },
}).single("image");
const raw = express.raw({ type: "image/*", limit: IMAGE_LIMITS.maxBytes });
const json = express.json({ limit: JSON_LIMIT });

// Uploads being received at once. Each may hold up to MAX_IMAGE_BYTES in memory, so past this
// many the service answers 503 before reading the body instead of running out of memory.
const MAX_INFLIGHT = envNumber("MAX_INFLIGHT_UPLOADS", 32);
let inflight = 0;

/** Parses whichever body kind the request has; routes then call `imageFrom`. */
export function bodyParsers(opts: { json: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const type = (req.get("content-type") ?? "").toLowerCase();
    const parser = parserFor(type, opts);
    if (parser) {
      const refusal = declaredTooLarge(req, parser);
      if (refusal) {
        // The body parsers read a body to its end before they answer, so a client that promises a
        // gigabyte and sends three bytes would hang until the request timeout. Answer now, and
        // close the connection rather than read the rest.
        res.set("Connection", "close");
        return next(refusal);
      }
    }
    if (inflight >= MAX_INFLIGHT) {
      return next(
        new AppError(503, "overloaded", "The service is receiving too many uploads; try again in a moment.", { "Retry-After": "2" }),
      );
    }
    inflight++;
    res.once("close", () => inflight--);
    if (parser === "multipart") return upload(req, res, (err?: unknown) => next(err && multipartError(err, req)));
    if (parser === "image") return raw(req, res, next);
    if (parser === "json") return json(req, res, next);
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

type Parser = "multipart" | "image" | "json";

function parserFor(type: string, opts: { json: boolean }): Parser | null {
  if (type.startsWith("multipart/form-data")) return "multipart";
  if (type.startsWith("image/")) return "image";
  if (opts.json && type.startsWith("application/json")) return "json";
  return null;
}

function declaredTooLarge(req: Request, parser: Parser): AppError | null {
  const declared = Number(req.get("content-length"));
  if (parser === "image" && declared > IMAGE_LIMITS.maxBytes)
    return new AppError(413, "image_too_large", `The image is ${megabytes(declared)}; the limit is ${megabytes(IMAGE_LIMITS.maxBytes)}.`);
  if (parser === "multipart" && declared > MULTIPART_LIMIT)
    return new AppError(
      413,
      "image_too_large",
      `The upload is ${megabytes(declared)}; the limit is ${megabytes(IMAGE_LIMITS.maxBytes)} for the image and ${megabytes(MULTIPART_LIMIT)} in all.`,
    );
  if (parser === "json" && declared > JSON_LIMIT)
    return new AppError(413, "body_too_large", `The JSON body is ${megabytes(declared)}; the limit is ${megabytes(JSON_LIMIT)}.`);
  return null;
}

/** Multer reports limits as MulterError and a broken body as busboy's bare Error; both are the client's. */
function multipartError(err: unknown, req: Request): unknown {
  if (isAppError(err)) return err;
  if (err instanceof multer.MulterError) {
    if (err.code === "LIMIT_FILE_SIZE")
      return new AppError(413, "image_too_large", `The image is over the ${megabytes(IMAGE_LIMITS.maxBytes)} limit.`);
    if (err.code === "LIMIT_UNEXPECTED_FILE")
      return new AppError(400, "invalid_request", `Unexpected file field "${err.field}"; send the image as "image".`);
    if (err.code.startsWith("LIMIT_")) return new AppError(400, "invalid_request", `The multipart upload breaks a limit (${err.message}).`);
  }
  if (req.readableAborted) return new AppError(400, "invalid_request", "The client closed the connection before the upload arrived.");
  // busboy's own words ("Unexpected end of form", "Multipart: Boundary not found"), as a clause.
  const reason = (err instanceof Error ? err.message : String(err)).replace(/^Multipart: /, "");
  return new AppError(400, "invalid_request", `The multipart body is malformed: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`);
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
