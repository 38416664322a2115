/**
 * Refuses bracket forms of query parameters (`review[]=pending`, `k[a]=3`) on every API route. Express's
 * query parser keeps those as names of their own, so a filter or a `k` sent that way would be left out
 * without a word, and the answer would hold everything or the default.
 */
import type { NextFunction, Request, Response } from "express";

import { AppError } from "../errors.js";

export function plainQueryMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const key = Object.keys(req.query).find((k) => k.includes("["));
  if (!key) return next();
  const name = key.slice(0, key.indexOf("["));
  next(new AppError(400, "invalid_request", `Send "${name}" once as ${name}=<value>, not as ${JSON.stringify(key.slice(0, 64))}.`));
}
