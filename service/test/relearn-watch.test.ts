/**
 * A review made with the CLI while the service runs reaches the waiting relearn even when nobody
 * reads the shop (no prediction, no status): the open shop is watched for other processes' commits.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { WATCH_SECONDS, nextRelearn } from "../src/services/relearn.service.js";
import type { Shop } from "../src/services/shops.service.js";
import { markerFromElsewhere as writeMarkerElsewhere, relearningShop } from "./helpers.js";

const DELAY_SECONDS = 30;
let t: Awaited<ReturnType<typeof relearningShop>>["t"];
let shop: Shop;
let auth: { Authorization: string };

beforeAll(async () => {
  // Only the watch's interval is faked; timeouts (the relearn's own wait) stay real.
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
  ({ t, auth, shop } = await relearningShop("watched", { products: 30, seed: 9, delaySeconds: DELAY_SECONDS }));
  await request(t.app).post("/v1/learn").set(auth).expect(200);
}, 120_000);

const markerFromElsewhere = () => writeMarkerElsewhere(t.dataDir, "watched");
afterAll(() => {
  vi.useRealTimers();
  return t.close();
});

describe("an open shop", () => {
  it("notices a marker another process wrote within the watch interval, without any request", () => {
    expect(nextRelearn(shop)).toBeNull();
    const now = markerFromElsewhere();
    expect(nextRelearn(shop)).toBeNull(); // nothing has looked yet
    vi.advanceTimersByTime(WATCH_SECONDS * 1000);
    const at = nextRelearn(shop);
    expect(at).not.toBeNull();
    expect(at!.getTime()).toBeGreaterThanOrEqual(now + DELAY_SECONDS * 1000 - 1000);
  });

  it("keeps watching after a run asked for by hand made the waiting one unnecessary", async () => {
    expect(nextRelearn(shop)).not.toBeNull();
    await request(t.app).post("/v1/learn").set(auth).expect(200); // settles the marker
    await request(t.app).get("/v1/learn").set(auth).expect(200); // finds nothing waiting
    expect(nextRelearn(shop)).toBeNull();
    markerFromElsewhere();
    vi.advanceTimersByTime(WATCH_SECONDS * 1000);
    expect(nextRelearn(shop)).not.toBeNull();
  });
});
