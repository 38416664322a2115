/**
 * Short-lived tokens for the public try-it page. The deployer names one shop (WEB_SHOP); the
 * page gets a signed token for it without any API key appearing in its source. Tokens only
 * reach the read-and-feedback routes (see the auth middleware), and a token issued to a page
 * (a request with an Origin) is refused when another site's page sends it.
 */
import crypto from "node:crypto";

import type { Config } from "../config.js";

export function issueWebToken(config: Config, shop: string, origin?: string): { token: string; expires_at: string; shop: string } {
  const exp = Math.floor(Date.now() / 1000) + config.webSession.ttlSeconds;
  const payload = Buffer.from(JSON.stringify({ shop, exp, origin: origin ?? null })).toString("base64url");
  return { token: `kiw_${payload}.${sign(config, payload)}`, expires_at: new Date(exp * 1000).toISOString(), shop };
}

/**
 * The shop of a valid, unexpired token, or null. Browsers leave Origin off same-origin GETs, so a
 * request without one is accepted; one with a different Origin is not. Only the shop the service
 * offers now (WEB_SHOP) is answered: a token signed for another shop, or issued before sessions
 * were turned off or moved to another shop, reaches nothing.
 */
export function verifyWebToken(config: Config, token: string, origin?: string): string | null {
  if (!config.webShop || !token.startsWith("kiw_")) return null;
  const [payload, sig] = token.slice(4).split(".");
  if (!payload || !sig) return null;
  const expected = sign(config, payload);
  if (sig.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { shop: string; exp: number; origin: string | null };
    if (claims.shop !== config.webShop) return null;
    if (claims.origin && origin && origin !== claims.origin) return null;
    return claims.exp * 1000 > Date.now() ? claims.shop : null;
  } catch {
    return null;
  }
}

const sign = (config: Config, payload: string) => crypto.createHmac("sha256", config.webSession.secret).update(payload).digest("base64url");
