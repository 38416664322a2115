/**
 * Short-lived tokens for the public try-it page. The deployer names one shop (WEB_SHOP); the
 * page gets a signed token for it without any API key appearing in its source. Tokens only
 * reach the read-and-feedback routes (see the auth middleware), and a token issued to a page
 * (a request with an Origin) is refused when another site's page sends it.
 */
import crypto from "node:crypto";

const TTL_SECONDS = Number(process.env.WEB_SESSION_TTL ?? 3600);
// A per-process secret: tokens die with the process, which is fine for a page that asks again.
const secret = process.env.WEB_SESSION_SECRET ?? crypto.randomBytes(32).toString("hex");

export function issueWebToken(shop: string, origin?: string): { token: string; expires_at: string; shop: string } {
  const exp = Math.floor(Date.now() / 1000) + TTL_SECONDS;
  const payload = Buffer.from(JSON.stringify({ shop, exp, origin: origin ?? null })).toString("base64url");
  return { token: `kiw_${payload}.${sign(payload)}`, expires_at: new Date(exp * 1000).toISOString(), shop };
}

/**
 * The shop of a valid, unexpired token, or null. Browsers leave Origin off same-origin GETs, so a
 * request without one is accepted; one with a different Origin is not.
 */
export function verifyWebToken(token: string, origin?: string): string | null {
  if (!token.startsWith("kiw_")) return null;
  const [payload, sig] = token.slice(4).split(".");
  if (!payload || !sig) return null;
  const expected = sign(payload);
  if (sig.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { shop: string; exp: number; origin: string | null };
    if (claims.origin && origin && origin !== claims.origin) return null;
    return claims.exp * 1000 > Date.now() ? claims.shop : null;
  } catch {
    return null;
  }
}

const sign = (payload: string) => crypto.createHmac("sha256", secret).update(payload).digest("base64url");
