/** Turns every error into a JSON answer with a stable code; stack traces go to the log only. */
import type { NextFunction, Request, Response } from "express";

import { AppError, isAppError, megabytes } from "../errors.js";
import { log } from "../log.js";

export function errorMiddleware(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const e = toAppError(err, req);
  const fields = { method: req.method, path: req.path, status: e.status, code: e.code, message: e.message };
  // A bug keeps its stack. Expected refusals (overload, an unreachable shop) are warnings, and a
  // client's mistake is only information: the service did what it should.
  if (!isAppError(err) && e.status >= 500) log.error("request failed", { ...fields, stack: (err as Error)?.stack });
  else if (e.status >= 500) log.warn("request refused", fields);
  else log.info("request refused", fields);
  for (const [k, v] of Object.entries(e.headers)) res.set(k, v);
  res.status(e.status).json({ error: { code: e.code, message: e.message } });
}

/** What the body parsers (body-parser, raw-body, zlib) put on the errors they raise. */
interface ParserError {
  type?: string;
  status?: number;
  code?: string;
  message?: string;
  limit?: number;
  charset?: string;
  encoding?: string;
  body?: unknown;
}

function toAppError(err: unknown, req: Request): AppError {
  if (isAppError(err)) return err;
  const e = (err ?? {}) as ParserError;
  if (e.type === "entity.too.large") {
    const limit = e.limit ? megabytes(e.limit) : "size";
    return req.is("image/*")
      ? new AppError(413, "image_too_large", `The image is over the ${limit} limit.`)
      : new AppError(413, "body_too_large", `The request body is over the ${limit} limit; send less in one request.`);
  }
  if (e.type === "entity.parse.failed") return parseFailed(e.body);
  if (e.type === "charset.unsupported")
    return new AppError(415, "unsupported_media_type", `The charset "${e.charset}" is not accepted; send JSON as UTF-8.`);
  if (e.type === "encoding.unsupported")
    return new AppError(
      415,
      "unsupported_media_type",
      `Content-Encoding "${e.encoding}" is not accepted; send the body uncompressed or as gzip.`,
    );
  // zlib's own codes (Z_DATA_ERROR, Z_BUF_ERROR) reach here when a compressed body will not inflate.
  if (e.code?.startsWith("Z_")) {
    const encoding = req.get("content-encoding") ?? "compressed";
    return new AppError(400, "invalid_request", `The body is marked ${encoding} but could not be decompressed.`);
  }
  if (e.type === "request.size.invalid")
    return new AppError(400, "invalid_request", "The body is not as long as its Content-Length header says.");
  if (e.type === "request.aborted")
    return new AppError(400, "invalid_request", "The client closed the connection before the body arrived.");
  if (e.status && e.status >= 400 && e.status < 500) return new AppError(e.status, "invalid_request", e.message ?? "Bad request.");
  return new AppError(500, "internal_error", "Something went wrong inside the service; the error was logged.");
}

// body-parser's strict mode refuses JSON that is not an object or array with the same error as
// broken JSON; a client sending `null` needs to hear which of the two it got wrong.
function parseFailed(body: unknown): AppError {
  if (typeof body === "string") {
    try {
      const value: unknown = JSON.parse(body);
      return new AppError(400, "invalid_request", `The body must be a JSON object, not ${value === null ? "null" : typeof value}.`);
    } catch {
      // Not JSON at all: the answer below.
    }
  }
  return new AppError(400, "invalid_json", "The body is not valid JSON.");
}
