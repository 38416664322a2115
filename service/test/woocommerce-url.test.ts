/**
 * The shop's WooCommerce URL: only a plain http(s) base URL is stored, and the service calls it
 * only where the shop may reach private addresses (the same guard and setting as image URLs).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

import request from "supertest";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { loadExchange } from "../src/woocommerce/testing/exchange.js";
import { startReplayServer, type ReplayServer } from "../src/woocommerce/testing/replay-server.js";
import { testApp } from "./helpers.js";

let t: Awaited<ReturnType<typeof testApp>>;
let internal: http.Server;
let internalUrl: string;
let hits = 0;
let replay: ReplayServer;
const annotation = {
  category: { label: "Shirts", score: 0.9, confident: true },
  attributes: {},
  colors: [{ name: "red", hex: "#c62828", share: 0.8 }],
};
const options = { tagFields: ["color"], attributeFields: [], setCategory: false };
const creds = (url: string) => ({ url, consumer_key: "ck_x", consumer_secret: "cs_x" });

beforeAll(async () => {
  t = await testApp();
  // Stands for a service inside the network; its answer must never reach the caller.
  internal = http.createServer((_req, res) => {
    hits++;
    res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ code: "x", message: "INTERNAL-SECRET" }));
  });
  await new Promise<void>((r) => internal.listen(0, () => r()));
  internalUrl = `http://localhost:${(internal.address() as AddressInfo).port}`;
  replay = await startReplayServer([loadExchange("032-read-product-by-id")], { consume: false });
});
afterEach(() => vi.unstubAllEnvs());
afterAll(async () => {
  await new Promise((r) => internal.close(r));
  await replay.close();
  t.close();
});

async function shop(name: string) {
  return { auth: { Authorization: `Bearer ${t.key(name)}` }, catalog: (await t.ctx.shops.get(name)).catalog };
}

describe("PUT /v1/shop/woocommerce", () => {
  it.each([
    "http://x y",
    'http://a.b/<script>?"',
    "ftp://shop.example",
    "javascript:alert(1)",
    "http://user:pw@shop.example",
    "https://shop.example/?page=1",
    "https://shop.example/#top",
    "shop.example",
    "",
  ])("refuses %j with 400 invalid_request", async (url) => {
    const { auth } = await shop("url-check");
    const res = await request(t.app).put("/v1/shop/woocommerce").set(auth).send(creds(url));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
    expect(res.body.error.message).toMatch(/"url" must be the shop's http\(s\) base URL/);
    expect(res.body.error.message).not.toContain("<script>");
  });

  it.each(["http://169.254.169.254/latest", "http://127.0.0.1:9", "http://[::1]/", "http://10.0.0.5"])(
    "refuses the private address %j with 400 url_not_allowed",
    async (url) => {
      const { auth } = await shop("url-check");
      const res = await request(t.app).put("/v1/shop/woocommerce").set(auth).send(creds(url));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("url_not_allowed");
    },
  );

  it("stores a base URL in normal form", async () => {
    const { auth } = await shop("url-check");
    const res = await request(t.app).put("/v1/shop/woocommerce").set(auth).send(creds("https://Shop.Example/store/")).expect(200);
    expect(res.body.url).toBe("https://shop.example/store");
  });
});

describe("POST /v1/products/{id}/apply", () => {
  it("does not call a shop URL whose name resolves to a private address", async () => {
    const { auth } = await shop("guarded");
    await request(t.app).put("/v1/shop/woocommerce").set(auth).send(creds(internalUrl)).expect(200);
    const res = await request(t.app).post("/v1/products/33/apply").set(auth).send({ annotation, options });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("url_not_allowed");
    expect(JSON.stringify(res.body)).not.toContain("INTERNAL-SECRET");
    expect(hits).toBe(0);
  });

  it("refuses credentials stored before the URL was checked", async () => {
    const { auth, catalog } = await shop("legacy");
    const stored = (url: string) => JSON.stringify({ url, consumerKey: "ck", consumerSecret: "cs" });
    catalog.setSetting("woocommerce_credentials", stored("http://169.254.169.254/latest"));
    const metadata = await request(t.app).post("/v1/products/33/apply").set(auth).send({ annotation, options });
    expect(metadata.status).toBe(400);
    expect(metadata.body.error.code).toBe("url_not_allowed");
    catalog.setSetting("woocommerce_credentials", stored("http://x y"));
    const malformed = await request(t.app).post("/v1/products/33/apply").set(auth).send({ annotation, options });
    expect(malformed.status).toBe(409);
    expect(malformed.body.error.code).toBe("woocommerce_not_connected");
  });

  it("calls a local shop when the shop allows private addresses", async () => {
    const { auth, catalog } = await shop("local-shop");
    catalog.setSetting("allow_private_urls", "true");
    await request(t.app).put("/v1/shop/woocommerce").set(auth).send(creds(replay.url)).expect(200);
    const res = await request(t.app).post("/v1/products/33/apply").set(auth).send({ annotation, options });
    expect(replay.seen.some((s) => s.method === "GET" && s.path === "/wp-json/wc/v3/products/33")).toBe(true);
    expect(res.body.error?.code).not.toBe("url_not_allowed");
  });

  it("calls a local shop when ALLOW_PRIVATE_IMAGE_URLS=true (how the e2e stack runs)", async () => {
    vi.stubEnv("ALLOW_PRIVATE_IMAGE_URLS", "true");
    const { auth } = await shop("env-allowed");
    await request(t.app).put("/v1/shop/woocommerce").set(auth).send(creds(replay.url)).expect(200);
    const before = replay.seen.length;
    const res = await request(t.app).post("/v1/products/33/apply").set(auth).send({ annotation, options });
    expect(replay.seen.length).toBeGreaterThan(before);
    expect(res.body.error?.code).not.toBe("url_not_allowed");
  });
});
