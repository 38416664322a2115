/**
 * A shop that has learned its own labels learns again by itself shortly after its corrections
 * change: two corrections naming a new category make it one of the learned head's labels, and
 * rejecting them takes it out again, with no POST /v1/learn in between.
 */
import fs from "node:fs";
import path from "node:path";

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Read when the service's modules load (static imports would load them first).
process.env.LEARN_AFTER_CORRECTIONS_SECONDS = "0.3";
const { mulberry32 } = await import("../src/model/softmax-regression.js");
const { getModel } = await import("../src/services/model.service.js");
const { testApp } = await import("./helpers.js");

let t: Awaited<ReturnType<typeof testApp>>;
let auth: { Authorization: string };

beforeAll(async () => {
  t = await testApp({ RATE_LIMIT_PER_SECOND: "1000" });
  auth = { Authorization: `Bearer ${t.key("relearn")}` };
  const { vectorSpace, manifest } = await getModel();
  const shop = await t.ctx.shops.get("relearn");
  const random = mulberry32(3);
  const noise = (n: number) => Float32Array.from({ length: n }, () => random() - 0.5);
  for (let i = 0; i < 60; i++) {
    shop.catalog.upsert({
      id: `p${i}`,
      annotation: {},
      labels: { category: i % 2 ? "Dresses" : "Shirts" },
      vector: noise(vectorSpace.dim),
      features: noise(manifest.embeddingDim),
    });
  }
}, 120_000);
afterAll(() => t.close());

/** The labels of the shop's learned category head, as stored. */
function learnedCategories(): string[] {
  const file = path.join(t.dataDir, "shops", "relearn", "learned", "category.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { labels: string[] }).labels;
}

describe("relearning after corrections", () => {
  it("does nothing for a shop that has not learned", async () => {
    await request(t.app)
      .post("/v1/feedback")
      .set(auth)
      .send({ product_id: "p0", correction: { labels: { category: "Scarves" } } })
      .expect(201);
    await new Promise((r) => setTimeout(r, 1000));
    expect(fs.existsSync(path.join(t.dataDir, "shops", "relearn", "learned"))).toBe(false);
    const list = await request(t.app).get("/v1/feedback").set(auth).expect(200);
    await request(t.app).patch(`/v1/feedback/${list.body.items[0].id}`).set(auth).send({ review: "rejected" }).expect(200);
  });

  it("folds new corrections into the learned heads, and rejected ones out", async () => {
    expect((await request(t.app).get("/v1/learn").set(auth).expect(200)).body).toEqual({ fields: {}, running: false, next_run_at: null });
    await request(t.app).post("/v1/learn").set(auth).expect(200);
    expect(learnedCategories()).toEqual(["Dresses", "Shirts"]);
    const learned = (await request(t.app).get("/v1/learn").set(auth).expect(200)).body;
    expect(learned).toMatchObject({
      running: false,
      next_run_at: null,
      fields: { category: { labels: ["Dresses", "Shirts"], examples: 60 } },
    });
    expect(learned.fields.category.holdout_accuracy).toBeTypeOf("number");
    const ids: number[] = [];
    for (const product of ["p1", "p2"]) {
      const res = await request(t.app)
        .post("/v1/feedback")
        .set(auth)
        .send({ product_id: product, correction: { labels: { category: "Tees & Tanks" } } })
        .expect(201);
      ids.push(res.body.id);
    }
    // The run waits for the burst to end, and the status says when it will start.
    const waiting = (await request(t.app).get("/v1/learn").set(auth).expect(200)).body;
    expect(Date.parse(waiting.next_run_at)).toBeGreaterThan(Date.now() - 1000);
    await expect.poll(learnedCategories, { timeout: 20_000, interval: 200 }).toEqual(["Dresses", "Shirts", "Tees & Tanks"]);
    const after = (await request(t.app).get("/v1/learn").set(auth).expect(200)).body;
    expect(after.next_run_at).toBeNull();
    expect(after.fields.category).toMatchObject({ labels: ["Dresses", "Shirts", "Tees & Tanks"], examples: 62 });
    for (const id of ids) await request(t.app).patch(`/v1/feedback/${id}`).set(auth).send({ review: "rejected" }).expect(200);
    await expect.poll(learnedCategories, { timeout: 20_000, interval: 200 }).toEqual(["Dresses", "Shirts"]);
  }, 60_000);
});
