/** Public web sessions: a token for the deployer's shop, limited in routes and bound to the page's origin. */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { photo, testApp } from "./helpers.js";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ WEB_SHOP: "demo", RATE_LIMIT_PER_SECOND: "1000", WEB_RATE_LIMIT_PER_SECOND: "1000" });
});
afterAll(() => t.close());

const session = async (origin?: string) => {
  const req = request(t.app).post("/v1/web/session").send({});
  return (await (origin ? req.set("Origin", origin) : req)).body as { token: string; shop: string };
};

describe("web sessions", () => {
  it("issue a token for the deployer's shop that annotates without a key", async () => {
    const { token, shop } = await session("http://127.0.0.1:8787");
    expect(shop).toBe("demo");
    const res = await request(t.app)
      .post("/v1/annotate")
      .set("Authorization", `Bearer ${token}`)
      .set("Origin", "http://127.0.0.1:8787")
      .set("Content-Type", "image/jpeg")
      .send(photo("fp-10365.jpg"));
    expect(res.status).toBe(200);
    // Same-origin GETs carry no Origin header.
    await request(t.app).get("/v1/model").set("Authorization", `Bearer ${token}`).expect(200);
  });

  it("refuse the token from another site's page", async () => {
    const { token } = await session("http://127.0.0.1:8787");
    const res = await request(t.app).get("/v1/model").set("Authorization", `Bearer ${token}`).set("Origin", "https://evil.example");
    expect(res.status).toBe(401);
  });

  it("do not reach product writes, feedback lists, reviews and photos, or learning", async () => {
    const { token } = await session();
    // A correction that exists, so a route the token wrongly reached would answer 200, not 404.
    const sent = await request(t.app)
      .post("/v1/feedback")
      .set("Authorization", `Bearer ${token}`)
      .attach("image", photo("fp-10365.jpg"), { filename: "d.jpg", contentType: "image/jpeg" })
      .field("correction", JSON.stringify({ category: "Dresses" }))
      .expect(201);
    // The page tells its visitor that the shop looks at a correction before it counts.
    expect(sent.body).toMatchObject({ stored: true, review: "pending", learns: false });
    for (const [method, path] of [
      ["put", "/v1/products/x"],
      ["get", "/v1/feedback"],
      ["patch", `/v1/feedback/${sent.body.id}`],
      ["get", `/v1/feedback/${sent.body.id}/image`],
      ["post", "/v1/learn"],
      ["delete", "/v1/products/x"],
    ] as const) {
      const res = await request(t.app)[method](path).set("Authorization", `Bearer ${token}`);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
  });

  it("are refused when the deployer did not enable them", async () => {
    const off = await testApp();
    const res = await request(off.app).post("/v1/web/session").send({});
    off.close();
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("web_sessions_disabled");
  });
});
