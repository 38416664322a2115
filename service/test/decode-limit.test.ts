/**
 * Decoding is bounded like the encoder: a photo can cost far more to decode than its bytes suggest
 * (an interlaced PNG of 165 KB takes 150 MB), so with every decoding slot and queue place taken, a
 * new photo is refused with 503 instead of piling onto the CPU and memory, and is served once
 * they free up.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { decodeLimit } from "../src/services/inference-limit.js";
import { photo, testApp } from "./helpers.js";

let t: Awaited<ReturnType<typeof testApp>>;
let key: string;
beforeAll(async () => {
  t = await testApp({ RATE_LIMIT_PER_SECOND: "1000" });
  key = t.key("busy");
});
afterAll(() => t.close());

const annotate = () =>
  request(t.app).post("/v1/annotate").set("Authorization", `Bearer ${key}`).set("Content-Type", "image/jpeg").send(photo("fp-10365.jpg"));

describe("decoding", () => {
  it("refuses a photo with 503 while every decoding slot and queue place is taken, then serves again", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held: Promise<void>[] = [];
    // Take slots and queue places until the limit refuses one: then it is full.
    for (;;) {
      const job = decodeLimit.run(() => gate);
      const refused = await Promise.race([
        job.then(
          () => false,
          () => true,
        ),
        new Promise<boolean>((r) => setImmediate(() => r(false))),
      ]);
      if (refused) break;
      held.push(job);
    }
    const busy = await annotate();
    expect(busy.status).toBe(503);
    expect(busy.body.error.code).toBe("overloaded");
    release();
    await Promise.all(held);
    expect((await annotate()).status).toBe(200);
  });
});
