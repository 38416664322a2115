/** The REST API end to end, in process: real model, SQLite and HNSW. */
import http from "node:http";
import type { AddressInfo } from "node:net";

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openapiDocument } from "../src/openapi/openapi.js";
import { photo, photosCsv, testApp } from "./helpers.js";

let t: Awaited<ReturnType<typeof testApp>>;
let keyA: string;
let keyB: string;
const auth = (k: string) => ({ Authorization: `Bearer ${k}` });

beforeAll(async () => {
  t = await testApp({ RATE_LIMIT_PER_SECOND: "1000" });
  keyA = t.key("shop-a");
  keyB = t.key("shop-b");
  for (const p of photosCsv().filter((p) => p.source === "fashion-products-224")) {
    await request(t.app)
      .put(`/v1/products/${p.file.replace(".jpg", "")}`)
      .set(auth(keyA))
      .field("name", `${p.colour} ${p.type}`)
      .attach("image", photo(p.file), p.file)
      .expect(200);
  }
});
afterAll(() => t.close());

describe("auth", () => {
  it("health needs no key", async () => {
    expect((await request(t.app).get("/v1/health")).body).toEqual({ status: "ok" });
    expect((await request(t.app).get("/v1/health/ready")).body.ready).toBe(true);
  });
  it("every other route needs one", async () => {
    for (const [method, path] of [
      ["post", "/v1/annotate"],
      ["get", "/v1/model"],
      ["get", "/v1/products/x/similar"],
      ["get", "/v1/feedback"],
      ["post", "/v1/learn"],
      ["put", "/v1/labels"],
    ] as const) {
      const res = await request(t.app)[method](path);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.error.code).toBe("missing_key");
    }
  });
  it("a wrong key is refused", async () => {
    const res = await request(t.app).get("/v1/model").set(auth("kis_nope"));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("invalid_key");
  });
});

describe("annotate", () => {
  it("answers category, attributes, colours, model and timing", async () => {
    const res = await request(t.app).post("/v1/annotate").set(auth(keyA)).set("Content-Type", "image/jpeg").send(photo("fp-10365.jpg"));
    expect(res.status).toBe(200);
    expect(res.body.model.name).toBe("kalas-fashion-mnv2");
    expect(typeof res.body.timing_ms).toBe("number");
    expect(res.body.colors[0]).toMatchObject({
      name: expect.any(String),
      hex: expect.stringMatching(/^#[0-9a-f]{6}$/),
      share: expect.any(Number),
    });
    const model = await request(t.app).get("/v1/model").set(auth(keyA));
    // Only groups the pack can predict appear, and every one of them that is not scoped to some garments.
    const predicted = Object.keys(model.body.attributes).filter((g) => g !== "color");
    const said = Object.keys(res.body.attributes);
    expect(predicted).toEqual(expect.arrayContaining(said));
    expect(predicted.filter((g) => !said.includes(g)).every((g) => g in model.body.attribute_scopes)).toBe(true);
    // A dress has no sleeve length in this pack: the sleeve head learned on tops only.
    expect(model.body.attribute_scopes.sleeve).not.toContain("Dresses");
    expect(said).not.toContain("sleeve");
  });
  it("accepts multipart too", async () => {
    const res = await request(t.app).post("/v1/annotate").set(auth(keyA)).attach("image", photo("cc0-dress.jpg"), "dress.jpg");
    expect(res.status).toBe(200);
  });
});

describe("similar items", () => {
  it("finds the same photo first and leaves the query product out", async () => {
    const bySelf = await request(t.app)
      .post("/v1/similar?k=3")
      .set(auth(keyA))
      .set("Content-Type", "image/jpeg")
      .send(photo("fp-10365.jpg"));
    expect(bySelf.body.items[0].id).toBe("fp-10365");
    expect(bySelf.body.items[0].score).toBeGreaterThan(0.99);
    const byId = await request(t.app).get("/v1/products/fp-10365/similar?k=5").set(auth(keyA));
    expect(byId.status).toBe(200);
    expect(byId.body.items).toHaveLength(5);
    expect(byId.body.items.map((i: { id: string }) => i.id)).not.toContain("fp-10365");
  });
  it("drops removed products from answers", async () => {
    const before = await request(t.app).get("/v1/products/fp-10365/similar?k=1").set(auth(keyA));
    const nearest = before.body.items[0].id;
    await request(t.app).delete(`/v1/products/${nearest}`).set(auth(keyA)).expect(200);
    const after = await request(t.app).get("/v1/products/fp-10365/similar?k=20").set(auth(keyA));
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(nearest);
    await request(t.app).get(`/v1/products/${nearest}`).set(auth(keyA)).expect(404);
    await request(t.app).delete(`/v1/products/${nearest}`).set(auth(keyA)).expect(404);
  });
  it("upserts from an image URL when the shop allows its address", async () => {
    const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "image/jpeg" }).end(photo("fp-11261.jpg")));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/p.jpg`;
    try {
      const refused = await request(t.app).put("/v1/products/from-url").set(auth(keyA)).send({ image_url: url });
      expect(refused.body.error.code).toBe("url_not_allowed");
      (await t.ctx.shops.get("shop-a")).catalog.setSetting("allow_private_urls", "true");
      const ok = await request(t.app).put("/v1/products/from-url").set(auth(keyA)).send({ image_url: url, name: "from url" });
      expect(ok.status).toBe(200);
      const sim = await request(t.app)
        .post("/v1/similar?k=1")
        .set(auth(keyA))
        .set("Content-Type", "image/jpeg")
        .send(photo("fp-11261.jpg"));
      expect(sim.body.items[0].id).toMatch(/^(from-url|fp-11261)$/);
    } finally {
      server.close();
    }
  });
});

describe("shops are isolated", () => {
  it("shop B cannot see, query or delete shop A's products", async () => {
    await request(t.app).get("/v1/products/fp-10365").set(auth(keyA)).expect(200);
    await request(t.app).get("/v1/products/fp-10365").set(auth(keyB)).expect(404);
    await request(t.app).get("/v1/products/fp-10365/similar").set(auth(keyB)).expect(404);
    await request(t.app).delete("/v1/products/fp-10365").set(auth(keyB)).expect(404);
    const sim = await request(t.app).post("/v1/similar").set(auth(keyB)).set("Content-Type", "image/jpeg").send(photo("fp-10365.jpg"));
    expect(sim.body.items).toEqual([]);
    await request(t.app).get("/v1/products/fp-10365").set(auth(keyA)).expect(200);
  });
});

describe("feedback", () => {
  it("stores a correction for a product and one with an uploaded image", async () => {
    const a = await request(t.app)
      .post("/v1/feedback")
      .set(auth(keyA))
      .send({ product_id: "fp-10365", category: "Dresses", colors: ["red"], original: { category: "Skirts" } });
    expect(a.status).toBe(201);
    const b = await request(t.app)
      .post("/v1/feedback")
      .set(auth(keyA))
      .attach("image", photo("cc0-pants.jpg"), "p.jpg")
      .field("correction", JSON.stringify({ category: "Jeans", attributes: { pattern: "Solid" } }));
    expect(b.status).toBe(201);
    const list = await request(t.app).get("/v1/feedback").set(auth(keyA));
    expect(list.body.items.map((i: { correction: { category: string } }) => i.correction.category)).toEqual(["Jeans", "Dresses"]);
    expect(list.body.items[0].has_image).toBe(true);
    expect((await request(t.app).get("/v1/feedback").set(auth(keyB))).body.items).toEqual([]);
  });
  it("refuses an empty correction", async () => {
    const res = await request(t.app).post("/v1/feedback").set(auth(keyA)).send({ product_id: "fp-10365" });
    expect(res.status).toBe(400);
  });
});

describe("load", () => {
  it("answers 429 with Retry-After when a key goes over its rate", async () => {
    const limited = await testApp({ RATE_LIMIT_PER_SECOND: "2" });
    const k = limited.key("s");
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await request(limited.app).get("/v1/model").set(auth(k))).status);
    const res = await request(limited.app).get("/v1/model").set(auth(k));
    limited.close();
    expect(codes).toContain(429);
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toMatch(/^\d+$/);
  });
});

describe("OpenAPI document", () => {
  it("documents exactly the routes the app serves", async () => {
    const served = new Set<string>();
    const walk = (stack: { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[]) => {
      for (const layer of stack) {
        if (layer.route)
          for (const m of Object.keys(layer.route.methods))
            served.add(`${m.toUpperCase()} /v1${layer.route.path.replace(/:(\w+)/g, "{$1}")}`);
        else if (layer.handle?.stack) walk(layer.handle.stack as typeof stack);
      }
    };
    walk((t.app as unknown as { router: { stack: [] } }).router.stack);
    const documented = new Set(
      Object.entries(openapiDocument.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    expect([...served].sort()).toEqual([...documented].sort());
    const res = await request(t.app).get("/v1/openapi.json");
    expect(res.body.openapi).toBe("3.1.0");
    // Every operation that needs a key names the errors a key can meet; the public ones do not.
    for (const [p, ops] of Object.entries(res.body.paths as Record<string, Record<string, { security?: []; responses: object }>>))
      for (const [m, op] of Object.entries(ops)) {
        const keys = Object.keys(op.responses);
        if (op.security?.length === 0) expect(keys, `${m} ${p}`).not.toContain("401");
        else expect(keys, `${m} ${p}`).toEqual(expect.arrayContaining(["401", "403", "429"]));
      }
  });
});
