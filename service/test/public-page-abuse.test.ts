/**
 * What anyone can do through the public try-it page is bounded: a visitor gets a smaller request
 * allowance than a shop's key (an IPv6 visitor per /64), the photos their corrections bring are kept
 * re-encoded rather than as sent, and the corrections waiting for review are capped per shop. The
 * readiness check, which needs no key, names no shop.
 */
import fs from "node:fs";
import path from "node:path";

import sharp from "sharp";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { visitor } from "../src/http/auth.middleware.js";
import { feedbackDir, MAX_PENDING_WEB_CORRECTIONS } from "../src/services/feedback.service.js";
import type { Shop } from "../src/services/shops.service.js";
import { photo, testApp } from "./helpers.js";

let t: Awaited<ReturnType<typeof testApp>>;
let shop: Shop;
let key: string;
beforeAll(async () => {
  // One proxy in front, so each test's visitor is the address it names in X-Forwarded-For.
  t = await testApp({ WEB_SHOP: "open", RATE_LIMIT_PER_SECOND: "1000", WEB_RATE_LIMIT_PER_SECOND: "2", TRUST_PROXY: "1" });
  key = t.key("open");
  shop = await t.ctx.shops.get("open");
});
afterAll(() => t.close());

const webToken = async () => ((await request(t.app).post("/v1/web/session").send({})).body as { token: string }).token;
const sendCorrection = (auth: string, image: Buffer, forwardedFor = "192.0.2.1") =>
  request(t.app)
    .post("/v1/feedback")
    .set("Authorization", `Bearer ${auth}`)
    .set("X-Forwarded-For", forwardedFor)
    .attach("image", image, { filename: "p.jpg", contentType: "image/jpeg" })
    .field("correction", JSON.stringify({ category: "Dresses" }));
const storedPhoto = (id: number) => fs.readFileSync(path.join(feedbackDir(shop), path.basename(shop.catalog.getFeedback(id)!.image_file!)));

/** A large photo with a comment block of padding and camera metadata, as a visitor could send. */
async function paddedPhoto(): Promise<Buffer> {
  const jpeg = await sharp(photo("fp-10365.jpg"))
    .resize(1600, 2000, { fit: "fill" })
    .withExif({ IFD0: { Artist: "visitor's camera" } })
    .jpeg()
    .toBuffer();
  // A COM segment after SOI: decoders skip it, so it passes every check and only costs disk.
  const padding = Buffer.alloc(60_000, 0x20);
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, (padding.length + 2) >> 8, (padding.length + 2) & 0xff]), padding]);
  return Buffer.concat([jpeg.subarray(0, 2), com, jpeg.subarray(2)]);
}

describe("the public page", () => {
  it("gives a visitor fewer requests than a key, and counts an IPv6 visitor by its /64", async () => {
    const token = await webToken();
    const statuses = async (auth: string, from: (i: number) => string) => {
      const out: number[] = [];
      for (let i = 0; i < 8; i++)
        out.push((await request(t.app).get("/v1/model").set("Authorization", `Bearer ${auth}`).set("X-Forwarded-For", from(i))).status);
      return out;
    };
    expect(await statuses(token, (i) => `2001:db8:1:2::${i + 1}`)).toContain(429);
    expect((await statuses(key, () => "192.0.2.9")).every((s) => s === 200)).toBe(true);
    expect(visitor("2001:db8:1:2:aaaa::1")).toBe(visitor("2001:0db8:0001:0002:ffff:1:2:3"));
    expect(visitor("2001:db8:1:2::1")).not.toBe(visitor("2001:db8:1:3::1"));
    expect(visitor("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(visitor("192.0.2.7")).toBe("192.0.2.7");
  });

  it("keeps a visitor's correction photo re-encoded and small, and a shop's as sent", async () => {
    const image = await paddedPhoto();
    const fromWeb = await sendCorrection(await webToken(), image, "192.0.2.20").expect(201);
    const kept = storedPhoto(fromWeb.body.id);
    const meta = await sharp(kept).metadata();
    expect(meta.format).toBe("jpeg");
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1024);
    expect(meta.exif).toBeUndefined();
    expect(kept.length).toBeLessThan(image.length / 2);
    const fromKey = await sendCorrection(key, image).expect(201);
    expect(storedPhoto(fromKey.body.id).equals(image)).toBe(true);
  });

  it("refuses corrections from the page once too many wait for review, and takes them again after a review", async () => {
    const waiting = shop.catalog.listFeedback({ source: "web", review: "pending", limit: 0, offset: 0 }).total;
    let lastId = 0;
    for (let i = waiting; i < MAX_PENDING_WEB_CORRECTIONS; i++)
      lastId = shop.catalog.addFeedback({
        productId: null,
        imageFile: null,
        features: null,
        correction: { category: "Dresses" },
        original: null,
        source: "web",
      }).id;
    const small = photo("fp-10365.jpg");
    const refused = await sendCorrection(await webToken(), small, "192.0.2.30");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("review_queue_full");
    // The shop's own corrections are never held up by the page's.
    await sendCorrection(key, small).expect(201);
    await request(t.app).patch(`/v1/feedback/${lastId}`).set("Authorization", `Bearer ${key}`).send({ review: "rejected" }).expect(200);
    await sendCorrection(await webToken(), small, "192.0.2.31").expect(201);
  });

  it("readiness counts repaired shops without naming them", async () => {
    const ready = await request(t.app).get("/v1/health/ready").expect(200);
    expect(typeof ready.body.repairs).toBe("number");
    expect(JSON.stringify(ready.body)).not.toContain('"open"');
  });
});
