/** Turns every error into a JSON answer with a stable code; stack traces go to the log only. */
import type { NextFunction, Request, Response } from "express";

import { AppError, isAppError } from "../errors.js";
import { log } from "../log.js";

export function errorMiddleware(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const e = toAppError(err);
  // Expected refusals (overload, an unreachable shop) are warnings; anything unexpected keeps its stack.
  if (!isAppError(err)) log.error("request failed", { method: req.method, path: req.path, code: e.code, stack: (err as Error)?.stack });
  else if (e.status >= 500) log.warn("request refused", { method: req.method, path: req.path, code: e.code, message: e.message });
  for (const [k, v] of Object.entries(e.headers)) res.set(k, v);
  res.status(e.status).json({ error: { code: e.code, message: e.message } });
}

function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  const e = err as { type?: string; status?: number; code?: string; message?: string; limit?: number; field?: string };
  if (e?.type === "entity.too.large" || e?.code === "LIMIT_FILE_SIZE") {
    return new AppError(413, "image_too_large", `The upload is larger than the ${mb(e.limit)} limit.`);
  }
  if (e?.type === "entity.parse.failed") return new AppError(400, "invalid_json", "The body is not valid JSON.");
  if (e?.code === "LIMIT_UNEXPECTED_FILE")
    return new AppError(400, "invalid_request", `Unexpected file field "${e.field}"; send the image as "image".`);
  if (typeof e?.code === "string" && e.code.startsWith("LIMIT_"))
    return new AppError(400, "invalid_request", `The multipart upload breaks a limit (${e.message}).`);
  if (e?.status && e.status >= 400 && e.status < 500) return new AppError(e.status, "invalid_request", e.message ?? "Bad request.");
  return new AppError(500, "internal_error", "Something went wrong inside the service; the error was logged.");
}

const mb = (n?: number) => (n ? `${(n / 1024 / 1024).toFixed(0)} MB` : "size");
