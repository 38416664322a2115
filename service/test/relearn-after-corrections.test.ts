/**
 * A shop that has learned its own labels learns again by itself a while after its corrections
 * change: two corrections naming a new category make it one of the learned head's labels, and
 * rejecting them takes it out again, with no POST /v1/learn in between. The wait is long here; the
 * test runs the waiting relearn itself (`relearnNow`) instead of sleeping through it.
 */
import fs from "node:fs";
import path from "node:path";

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { relearnNow } from "../src/services/relearn.service.js";
import type { Shop } from "../src/services/shops.service.js";
import { relearningShop } from "./helpers.js";

const DELAY_SECONDS = 30;
let t: Awaited<ReturnType<typeof relearningShop>>["t"];
let auth: { Authorization: string };
let shop: Shop;
let status: Awaited<ReturnType<typeof relearningShop>>["status"];

beforeAll(async () => {
  ({ t, auth, shop, status } = await relearningShop("relearn", { products: 60, seed: 3, delaySeconds: DELAY_SECONDS }));
}, 120_000);
afterAll(() => t.close());

const correct = async (product: string, labels: Record<string, string>) =>
  (await request(t.app).post("/v1/feedback").set(auth).send({ product_id: product, correction: { labels } }).expect(201)).body.id as number;
const review = (id: number, decision: string) =>
  request(t.app).patch(`/v1/feedback/${id}`).set(auth).send({ review: decision }).expect(200);

describe("relearning after corrections", () => {
  it("waits for nothing in a shop that has not learned", async () => {
    const id = await correct("p0", { category: "Scarves" });
    expect(await status()).toEqual({ fields: {}, running: false, next_run_at: null });
    await review(id, "rejected");
    expect((await status()).next_run_at).toBeNull();
  });

  it("folds new corrections into the learned heads, rejected ones out, and drops a field left with one label", async () => {
    await request(t.app).post("/v1/learn").set(auth).expect(200);
    const learned = await status();
    expect(learned).toMatchObject({
      running: false,
      next_run_at: null,
      fields: { category: { labels: ["Dresses", "Shirts"], examples: 60 } },
    });
    expect(learned.fields.category.holdout_accuracy).toBeTypeOf("number");

    const before = Date.now();
    const ids = [
      await correct("p1", { category: "Tees & Tanks", fit: "Slim" }),
      await correct("p2", { category: "Tees & Tanks", fit: "Slim" }),
      await correct("p3", { fit: "Loose" }),
      await correct("p4", { fit: "Loose" }),
    ];
    // One run for the burst, the delay after the last change.
    const at = Date.parse((await status()).next_run_at);
    expect(at).toBeGreaterThanOrEqual(before + DELAY_SECONDS * 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + DELAY_SECONDS * 1000);
    const report = await relearnNow(shop);
    expect(report?.fields.category.labels).toBe(3);
    const after = await status();
    expect(after.next_run_at).toBeNull();
    expect(after.fields.category).toMatchObject({ labels: ["Dresses", "Shirts", "Tees & Tanks"], examples: 62 });
    expect(after.fields.fit).toMatchObject({ labels: ["Loose", "Slim"], examples: 4 });

    for (const id of ids) await review(id, "rejected");
    expect((await status()).next_run_at).not.toBeNull();
    expect((await relearnNow(shop))?.removed).toEqual(["fit"]);
    const rejected = await status();
    expect(rejected.fields.category.labels).toEqual(["Dresses", "Shirts"]);
    // No field of "fit" is left to predict the rejected labels.
    expect(Object.keys(rejected.fields)).toEqual(["category"]);
  }, 60_000);

  it("does not relearn for a review that changes nothing learned", async () => {
    const id = await correct("p5", { category: "Shirts" });
    await relearnNow(shop);
    await review(id, "accepted"); // a correction sent with the key already took part
    expect((await status()).next_run_at).toBeNull();
  });
});

describe("a relearn that was waiting when the service stopped", () => {
  it("is written in the shop's database and resumed when the shop is opened again", async () => {
    await correct("p10", { category: "Knitwear" });
    await correct("p11", { category: "Knitwear" });
    expect((await status()).next_run_at).not.toBeNull();
    // A stop: the timer is gone with the process, the shop closed.
    t.ctx.shops.closeAll();
    shop = await t.ctx.shops.get("relearn");
    const resumed = (await status()).next_run_at;
    expect(resumed).not.toBeNull();
    expect((await relearnNow(shop))?.fields.category.labels).toBe(3);
    expect((await status()).fields.category.labels).toContain("Knitwear");
    // Done: opening the shop again finds nothing waiting.
    t.ctx.shops.closeAll();
    shop = await t.ctx.shops.get("relearn");
    expect((await status()).next_run_at).toBeNull();
  });
});

describe("learned head files", () => {
  it("a field whose name starts with another's keeps its weights when the other is saved", async () => {
    for (const [i, p] of ["p6", "p7", "p8", "p9"].entries()) await correct(p, { size: i % 2 ? "S" : "M", "size.eu": i % 2 ? "38" : "40" });
    await relearnNow(shop);
    await request(t.app).post("/v1/learn").set(auth).expect(200);
    expect(Object.keys((await status()).fields).sort()).toEqual(["category", "size", "size.eu"]);
    const dir = path.join(t.dataDir, "shops", "relearn", "learned");
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".bin"))).toHaveLength(3);
    const annotate = await request(t.app)
      .post("/v1/annotate")
      .set(auth)
      .set("Content-Type", "image/jpeg")
      .send(fs.readFileSync(path.join(__dirname, "photos", "fp-10365.jpg")));
    expect(annotate.status).toBe(200);
    expect(Object.keys(annotate.body.shop).sort()).toEqual(["category", "size", "size.eu"]);
  });
});
