/**
 * A web session token reaches only the shop the service offers now, and its signing secret cannot be
 * empty or short: whoever could sign a token would reach that shop's similar items (names, links).
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readConfig } from "../src/config.js";
import { issueWebToken, verifyWebToken } from "../src/services/web-session.service.js";
import { photo, testApp } from "./helpers.js";

const SECRET = "a-deployers-secret-of-forty-characters!!";
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ WEB_SHOP: "demo", WEB_SESSION_SECRET: SECRET, WEB_RATE_LIMIT_PER_SECOND: "1000" });
  t.key("other"); // a second shop on the same service
});
afterAll(() => t.close());

const similar = (token: string) =>
  request(t.app).post("/v1/similar").set("Authorization", `Bearer ${token}`).set("Content-Type", "image/jpeg").send(photo("fp-10365.jpg"));

describe("web session tokens", () => {
  it("signed for another shop of the service, reach nothing", async () => {
    const forged = issueWebToken({ ...t.ctx.config, webShop: "other" }, "other").token;
    expect((await similar(forged)).status).toBe(401);
    const own = issueWebToken(t.ctx.config, "demo").token;
    expect((await similar(own)).status).toBe(200);
  });

  it("stop working when sessions are turned off or moved to another shop", () => {
    const { token } = issueWebToken(t.ctx.config, "demo");
    expect(verifyWebToken(t.ctx.config, token)).toBe("demo");
    expect(verifyWebToken({ ...t.ctx.config, webShop: null }, token)).toBeNull();
    expect(verifyWebToken({ ...t.ctx.config, webShop: "other" }, token)).toBeNull();
  });

  it("need a secret of at least 32 characters; unset or empty means a random one per start", () => {
    expect(() => readConfig({ WEB_SESSION_SECRET: "short" })).toThrow(/at least 32 characters/);
    const [a, b] = [readConfig({ WEB_SESSION_SECRET: "" }), readConfig({})].map((c) => c.webSession.secret);
    expect(a).toHaveLength(64);
    expect(a).not.toBe(b);
  });
});
