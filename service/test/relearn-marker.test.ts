/**
 * What is pending for relearning lives in the shop's database, and every learning run settles it:
 * a change made while a run fits stays pending (for a new burst, not at once), a failed run is tried
 * again, a run asked for by hand makes the waiting one unnecessary, and a review made by another
 * process (the CLI) is picked up by the running service.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { readMarker, writeMarker } from "../src/services/relearn-marker.js";
import { nextRelearn, relearnNow } from "../src/services/relearn.service.js";
import type { Shop } from "../src/services/shops.service.js";
import { markerFromElsewhere, relearningShop } from "./helpers.js";

/** Fitting is held at a gate, or fails, when a test says so. */
const control = vi.hoisted(() => ({ gate: null as Promise<void> | null, fail: false }));
vi.mock("../src/model/label-head-thread.js", async (original) => {
  const actual = await original<typeof import("../src/model/label-head-thread.js")>();
  return {
    fitLabelHeadsInThread: async (...args: Parameters<typeof actual.fitLabelHeadsInThread>) => {
      if (control.gate) await control.gate;
      if (control.fail) throw new Error("the learning thread stopped");
      return actual.fitLabelHeadsInThread(...args);
    },
  };
});

const DELAY_SECONDS = 30;
let t: Awaited<ReturnType<typeof relearningShop>>["t"];
let auth: { Authorization: string };
let shop: Shop;
let status: Awaited<ReturnType<typeof relearningShop>>["status"];

beforeAll(async () => {
  ({ t, auth, shop, status } = await relearningShop("marker", { products: 40, seed: 5, delaySeconds: DELAY_SECONDS }));
  await request(t.app).post("/v1/learn").set(auth).expect(200);
}, 120_000);
afterAll(() => t.close());

const correct = (product: string, category: string) =>
  request(t.app)
    .post("/v1/feedback")
    .set(auth)
    .send({ product_id: product, correction: { labels: { category } } })
    .expect(201);
const nextRunAt = async () => (await status()).next_run_at;

describe("the relearning marker", () => {
  it("keeps a change made while a run fits for a new burst, which waits its full delay", async () => {
    await correct("p1", "Tops");
    // A burst that began long ago: its five-delay cap has passed, and must not carry over to the next one.
    writeMarker(shop, Date.now() - 3600_000, Date.now());
    let open!: () => void;
    control.gate = new Promise((r) => (open = r));
    const run = relearnNow(shop)!;
    await correct("p2", "Tops"); // while the run is held at its fitting
    const changedAt = Date.now();
    control.gate = null;
    open();
    await run;
    expect(readMarker(shop)).not.toBeNull();
    // A new burst from that change: its run waits the delay, it is not due at once.
    expect(nextRelearn(shop)!.getTime()).toBeGreaterThanOrEqual(changedAt - 1000 + DELAY_SECONDS * 1000);
    await relearnNow(shop);
    expect(readMarker(shop)).toBeNull();
  });

  it("tries a failed run again later, with the marker still written", async () => {
    await correct("p3", "Tops");
    control.fail = true;
    expect(await relearnNow(shop)).toBeNull();
    control.fail = false;
    expect(readMarker(shop)).not.toBeNull();
    expect(nextRelearn(shop)).not.toBeNull();
    expect((await relearnNow(shop))?.fields.category).toBeDefined();
    expect(readMarker(shop)).toBeNull();
  });

  it("is settled by a run asked for by hand, so the waiting one is not needed", async () => {
    await correct("p4", "Tops");
    expect(await nextRunAt()).not.toBeNull();
    await request(t.app).post("/v1/learn").set(auth).expect(200);
    expect(readMarker(shop)).toBeNull();
    expect(await nextRunAt()).toBeNull();
  });

  it("written by another process (a review made with the CLI), is picked up by the running service", async () => {
    expect(await nextRunAt()).toBeNull();
    const now = markerFromElsewhere(t.dataDir, "marker");
    const at = await nextRunAt();
    expect(at).not.toBeNull();
    expect(Date.parse(at!)).toBeGreaterThanOrEqual(now + DELAY_SECONDS * 1000 - 1000);
    await relearnNow(shop);
    expect(await nextRunAt()).toBeNull();
  });
});
