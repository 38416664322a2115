/**
 * Behind a reverse proxy (TRUST_PROXY) the try-it page's per-visitor limit counts the address the
 * proxy saw, not one the visitor wrote: the left-most X-Forwarded-For entry is the client's own
 * words, so trusting every proxy let anyone take a fresh allowance with each request.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readConfig } from "../src/config.js";
import { testApp } from "./helpers.js";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  // "true", as older deployments set it: now the one proxy in front, not every proxy.
  t = await testApp({ WEB_SHOP: "demo", WEB_RATE_LIMIT_PER_SECOND: "1", TRUST_PROXY: "true" });
});
afterAll(() => t.close());

async function statuses(forwardedFor: (i: number) => string, n: number): Promise<number[]> {
  const { token } = (await request(t.app).post("/v1/web/session").send({})).body as { token: string };
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await request(t.app).get("/v1/model").set("Authorization", `Bearer ${token}`).set("X-Forwarded-For", forwardedFor(i));
    out.push(res.status);
  }
  return out;
}

describe("TRUST_PROXY", () => {
  it("limits a visitor who writes a new X-Forwarded-For each time by the address the proxy added", async () => {
    const codes = await statuses((i) => `203.0.113.${i}, 198.51.100.7`, 6);
    expect(codes).toContain(429);
  });

  it("still tells visitors apart by the address the proxy saw", async () => {
    const codes = await statuses((i) => `198.51.100.${100 + i}`, 6);
    expect(codes.every((c) => c === 200)).toBe(true);
  });

  it("reads hop counts and addresses, and never trusts every proxy", () => {
    const trust = (v?: string) => readConfig({ TRUST_PROXY: v }).trustProxy;
    expect([trust(undefined), trust("false"), trust("true"), trust("2"), trust("loopback")]).toEqual([false, false, 1, 2, "loopback"]);
  });
});
