/**
 * Bearer-key auth and per-key rate limiting. The key decides the shop, so one shop's key can
 * never reach another shop's products. Web session tokens reach only a few routes.
 */
import net from "node:net";

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
        shopName = verifyWebToken(ctx.config, token, req.get("origin"));
        via = "web";
        if (shopName && !WEB_ROUTES.some((r) => r.test(`${req.method} ${req.baseUrl}${req.path}`))) {
          throw new AppError(403, "forbidden", "A web session cannot use this route.");
        }
      }
      if (!shopName) throw new AppError(401, "invalid_key", "The API key is not valid or has been revoked.");
      // Anyone can open a web session, so its visitors get a smaller share than a shop's key.
      if (via === "web") takeToken(buckets, `web:${visitor(req.ip)}`, ctx.config.webRateLimit, "from this address");
      else takeToken(buckets, `key:${token}`, ctx.config.rateLimit, "for this key");
      const authed = req as AuthedRequest;
      authed.shop = await ctx.shops.get(shopName);
      authed.via = via;
      next();
    } catch (e) {
      next(e);
    }
  };
}

/**
 * Who a web visitor is for the limit: the IPv4 address, or an IPv6 address's /64, since one
 * connection commonly holds a whole /64 and could otherwise take a fresh allowance per request.
 */
export function visitor(ip: string | undefined): string {
  if (!ip || !net.isIPv6(ip)) return ip ?? "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  const [head, tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/** Token bucket: `rate` per second, bursts up to twice that. */
function takeToken(buckets: Map<string, { tokens: number; at: number }>, id: string, rate: number, whose: string): void {
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
    throw new AppError(429, "rate_limited", `Too many requests ${whose}; wait ${wait} s.`, { "Retry-After": String(wait) });
  }
  b.tokens -= 1;
}
