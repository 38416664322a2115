/**
 * Bearer-key auth and per-key rate limiting. The key decides the shop, so one shop's key can
 * never reach another shop's products. Web session tokens reach only a few routes.
 */
import type { NextFunction, Request, Response } from "express";

import { AppError } from "../errors.js";
import { verifyWebToken } from "../services/web-session.service.js";
import type { AppContext, AuthedRequest } from "./context.js";

// Express matches paths case-insensitively and with or without a trailing slash: so do these.
const WEB_ROUTES = [/^POST \/v1\/annotate\/?$/i, /^POST \/v1\/similar\/?$/i, /^POST \/v1\/feedback\/?$/i, /^GET \/v1\/model\/?$/i];

export function authMiddleware(ctx: AppContext) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const header = req.get("authorization") ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AppError(401, "missing_key", "This route needs an API key: send 'Authorization: Bearer <key>'.");
      const token = match[1];
      let shopName = ctx.keys.shopFor(token);
      let via: "key" | "web" = "key";
      if (!shopName) {
        shopName = verifyWebToken(token, req.get("origin"));
        via = "web";
        if (shopName && !WEB_ROUTES.some((r) => r.test(`${req.method} ${req.baseUrl}${req.path}`))) {
          throw new AppError(403, "forbidden", "A web session cannot use this route.");
        }
      }
      if (!shopName) throw new AppError(401, "invalid_key", "The API key is not valid or has been revoked.");
      takeToken(buckets, `${via}:${via === "web" ? req.ip : token}`, ctx.config.rateLimit);
      const authed = req as AuthedRequest;
      authed.shop = await ctx.shops.get(shopName);
      authed.via = via;
      next();
    } catch (e) {
      next(e);
    }
  };
}

/** Token bucket: `rate` per second, bursts up to twice that. */
function takeToken(buckets: Map<string, { tokens: number; at: number }>, id: string, rate: number): void {
  const now = Date.now();
  if (buckets.size > 10_000) {
    // One bucket per key or visitor: forget the ones idle long enough to be full again.
    for (const [k, v] of buckets) if (now - v.at > 60_000) buckets.delete(k);
  }
  const b = buckets.get(id) ?? { tokens: rate * 2, at: now };
  b.tokens = Math.min(rate * 2, b.tokens + ((now - b.at) / 1000) * rate);
  b.at = now;
  buckets.set(id, b);
  if (b.tokens < 1) {
    const wait = Math.ceil((1 - b.tokens) / rate);
    throw new AppError(429, "rate_limited", `Too many requests for this key; wait ${wait} s.`, { "Retry-After": String(wait) });
  }
  b.tokens -= 1;
}
