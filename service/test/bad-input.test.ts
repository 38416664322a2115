/**
 * Every kind of bad input gets a clear 4xx JSON error, the service keeps serving, and nothing
 * already stored is lost.
 */
import zlib from "node:zlib";

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { damagedPng, photo, testApp } from "./helpers.js";

let t: Awaited<ReturnType<typeof testApp>>;
let key: string;
const good = photo("fp-10365.jpg");

beforeAll(async () => {
  t = await testApp();
  key = t.key("shop-a");
  await request(t.app)
    .put("/v1/products/keep-me")
    .set("Authorization", `Bearer ${key}`)
    .set("Content-Type", "image/jpeg")
    .send(good)
    .expect(200);
});
afterAll(() => t.close());

/** A PNG whose header claims 50,000 x 50,000 pixels but whose data is a few bytes. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(50_000, 0);
  ihdr.writeUInt32BE(50_000, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.alloc(64))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const cases: { name: string; type: string; body: Buffer; status: number; code: string }[] = [
  {
    name: "non-image bytes",
    type: "image/jpeg",
    body: Buffer.from("hello, this is not a picture at all"),
    status: 400,
    code: "not_an_image",
  },
  {
    name: "a truncated JPEG",
    type: "image/jpeg",
    body: good.subarray(0, Math.floor(good.length / 2)),
    status: 400,
    code: "truncated_image",
  },
  { name: "a zero-byte body", type: "image/jpeg", body: Buffer.alloc(0), status: 400, code: "empty_body" },
  {
    name: "an image over the size limit",
    type: "image/jpeg",
    body: Buffer.concat([good, Buffer.alloc(21 * 1024 * 1024)]),
    status: 413,
    code: "image_too_large",
  },
  { name: "a decompression bomb", type: "image/png", body: pngBomb(), status: 413, code: "too_many_pixels" },
  {
    name: "an unsupported format (SVG)",
    type: "image/svg+xml",
    body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'),
    status: 400,
    code: "unsupported_format",
  },
  { name: "a wrong content type", type: "text/plain", body: good, status: 415, code: "unsupported_media_type" },
];

describe("POST /v1/annotate refuses bad input clearly", () => {
  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.code}`, async () => {
      const res = await request(t.app).post("/v1/annotate").set("Authorization", `Bearer ${key}`).set("Content-Type", c.type).send(c.body);
      expect(res.status).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
      expect(res.body.error.message).toMatch(/\w+ \w+/);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    });
  }

  it("a multipart upload without the image field → 400 empty_body", async () => {
    const res = await request(t.app).post("/v1/annotate").set("Authorization", `Bearer ${key}`).field("name", "x");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("empty_body");
  });

  it("a PNG whose pixel data is damaged → 400 not_an_image with the decoder's reason in the sentence, and nothing more", async () => {
    const res = await request(t.app)
      .post("/v1/annotate")
      .set("Authorization", `Bearer ${key}`)
      .set("Content-Type", "image/png")
      .send(await damagedPng());
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: "not_an_image", message: expect.stringMatching(/^The image cannot be decoded \(.+\)\.$/) } });
  });

  it("keeps serving and has lost nothing after all of them", async () => {
    const res = await request(t.app)
      .post("/v1/annotate")
      .set("Authorization", `Bearer ${key}`)
      .set("Content-Type", "image/jpeg")
      .send(good);
    expect(res.status).toBe(200);
    expect(res.body.colors.length).toBeGreaterThan(0);
    const kept = await request(t.app).get("/v1/products/keep-me").set("Authorization", `Bearer ${key}`);
    expect(kept.status).toBe(200);
  });
});

describe("image URLs that point inside the network are refused", () => {
  for (const url of [
    "http://127.0.0.1/x.jpg",
    "http://localhost:8787/x.jpg",
    "http://[::1]/x.jpg",
    "http://169.254.169.254/latest/meta-data",
    "http://10.0.0.5/x.jpg",
    "http://192.168.1.10/x.jpg",
    "http://172.16.0.1/x.jpg",
    "http://0.0.0.0/x.jpg",
  ]) {
    it(url, async () => {
      const res = await request(t.app).put("/v1/products/p1").set("Authorization", `Bearer ${key}`).send({ image_url: url });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("url_not_allowed");
    });
  }
  it("a non-http scheme", async () => {
    const res = await request(t.app).put("/v1/products/p1").set("Authorization", `Bearer ${key}`).send({ image_url: "file:///etc/passwd" });
    expect(res.body.error.code).toBe("url_not_allowed");
  });
});

describe("malformed requests", () => {
  it("invalid JSON → 400 invalid_json", async () => {
    const res = await request(t.app)
      .put("/v1/products/p1")
      .set("Authorization", `Bearer ${key}`)
      .set("Content-Type", "application/json")
      .send("{nope");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_json");
  });
  it("a bad product id → 400", async () => {
    const res = await request(t.app).get("/v1/products/has%20space/similar").set("Authorization", `Bearer ${key}`);
    expect(res.status).toBe(400);
  });
  it("k out of range → 400", async () => {
    const res = await request(t.app).get("/v1/products/keep-me/similar?k=5000").set("Authorization", `Bearer ${key}`);
    expect(res.status).toBe(400);
  });
  it("k in brackets → 400, not the default k", async () => {
    const res = await request(t.app).get("/v1/products/keep-me/similar?k[]=3").set("Authorization", `Bearer ${key}`);
    expect([res.status, res.body.error?.message]).toEqual([400, 'Send "k" once as k=<value>, not as "k[]".']);
  });
  it("an unknown route → 404 JSON", async () => {
    const res = await request(t.app).get("/v1/nope").set("Authorization", `Bearer ${key}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("route_not_found");
  });
});
