/**
 * Labels, names and links that people send are stored and then answered back to every client of the
 * shop, so they are checked on the way in; and a public web session cannot steer the shop's answers.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseApplyBody } from "../src/services/apply-input.js";
import { photo, testApp } from "./helpers.js";

let t: Awaited<ReturnType<typeof testApp>>;
let key: string;
const dress = photo("fp-10365.jpg");
beforeAll(async () => {
  t = await testApp({ WEB_SHOP: "shop", RATE_LIMIT_PER_SECOND: "1000", WEB_RATE_LIMIT_PER_SECOND: "1000" });
  key = t.key("shop");
  await request(t.app)
    .put("/v1/products/p1")
    .set("Authorization", `Bearer ${key}`)
    .set("Content-Type", "image/jpeg")
    .send(dress)
    .expect(200);
});
afterAll(() => t.close());

const auth = () => ({ Authorization: `Bearer ${key}` });
const annotate = async (token = key) =>
  (await request(t.app).post("/v1/annotate").set("Authorization", `Bearer ${token}`).set("Content-Type", "image/jpeg").send(dress))
    .body as { shop?: Record<string, { label: string }> };

describe("feedback labels", () => {
  for (const [what, body] of [
    ["an empty category", { product_id: "p1", category: "  " }],
    ["a 900,000-character category", { product_id: "p1", category: "x".repeat(900_000) }],
    ["a category with a newline", { product_id: "p1", category: "Dress\nes" }],
    ["an empty field name", { product_id: "p1", labels: { "": "Frocks" } }],
    ["an empty label", { product_id: "p1", labels: { category: "" } }],
    ["an empty label in an attribute list", { product_id: "p1", attributes: { pattern: ["Striped", ""] } }],
    ["an empty colour", { product_id: "p1", colors: ["red", ""] }],
    ["eleven colours", { product_id: "p1", colors: Array.from({ length: 11 }, (_, i) => `c${i}`) }],
    ["an 'original' over 16 KB", { product_id: "p1", category: "Dresses", original: { note: "x".repeat(20_000) } }],
    ["a product id that is a boolean", { product_id: true, category: "Dresses" }],
    ["a product id that is not a whole number", { product_id: 1.5e3 + 0.5, category: "Dresses" }],
    ["a misspelt field", { product_id: "p1", categroy: "Dresses" }],
    ["an array body", [{ product_id: "p1", category: "Dresses" }]],
  ] as const) {
    it(`refuses ${what} with a clear 400`, async () => {
      const res = await request(t.app).post("/v1/feedback").set(auth()).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
      expect(res.body.error.message.length).toBeLessThan(300);
    });
  }

  it("stores a good correction trimmed, and nothing of the refused ones", async () => {
    await request(t.app)
      .post("/v1/feedback")
      .set(auth())
      .send({ product_id: "p1", labels: { category: "  Frocks " } })
      .expect(201);
    const items = (await request(t.app).get("/v1/feedback?limit=50").set(auth())).body.items as { correction: unknown }[];
    expect(items.map((i) => i.correction)).toEqual([{ labels: { category: "Frocks" } }]);
  });

  it("takes the product id from inside a multipart correction", async () => {
    const res = await request(t.app)
      .post("/v1/feedback")
      .set(auth())
      .attach("image", dress, { filename: "d.jpg", contentType: "image/jpeg" })
      .field("correction", JSON.stringify({ product_id: "p1", colors: ["red"] }));
    expect(res.status).toBe(201);
    const [latest] = (await request(t.app).get("/v1/feedback?limit=1").set(auth())).body.items as { product_id: string | null }[];
    expect(latest.product_id).toBe("p1");
  });

  it("names a misspelt field and the fields there are", async () => {
    const res = await request(t.app).post("/v1/feedback").set(auth()).send({ product_id: "p1", categroy: "Dresses" });
    expect(res.body.error.message).toBe(
      'Feedback has no field "categroy"; its fields are product_id, category, attributes, colors, labels, original.',
    );
  });

  it("counts a label's length in characters as a person sees them", async () => {
    const emoji = "👗".repeat(150); // 300 UTF-16 units, 150 characters
    await request(t.app)
      .post("/v1/feedback")
      .set(auth())
      .send({ product_id: "p1", labels: { style: emoji } })
      .expect(201);
    const res = await request(t.app)
      .post("/v1/feedback")
      .set(auth())
      .send({ product_id: "p1", labels: { style: "é".repeat(201) } });
    expect(res.body.error.message).toMatch(/got 201 characters/);
  });
});

describe("corrections from public web sessions", () => {
  it("are stored but do not steer the shop's predictions; the shop's own corrections do", async () => {
    const { token } = (await request(t.app).post("/v1/web/session").send({})).body as { token: string };
    const res = await request(t.app)
      .post("/v1/feedback")
      .set("Authorization", `Bearer ${token}`)
      .attach("image", dress, { filename: "d.jpg", contentType: "image/jpeg" })
      .field("correction", JSON.stringify({ labels: { gender: "Robots" } }));
    expect(res.status).toBe(201);
    const [stored] = (await request(t.app).get("/v1/feedback?limit=1").set(auth())).body.items as { source: string }[];
    expect(stored.source).toBe("web");
    expect((await annotate()).shop?.gender).toBeUndefined();
    expect((await annotate(token)).shop?.gender).toBeUndefined();

    await request(t.app)
      .post("/v1/feedback")
      .set(auth())
      .send({ product_id: "p1", labels: { gender: "Humans" } })
      .expect(201);
    expect((await annotate()).shop?.gender?.label).toBe("Humans");
  });

  it("reach the web routes however Express spells them", async () => {
    const { token } = (await request(t.app).post("/v1/web/session").send({})).body as { token: string };
    for (const path of ["/v1/annotate/", "/v1/ANNOTATE"]) {
      const res = await request(t.app).post(path).set("Authorization", `Bearer ${token}`).set("Content-Type", "image/jpeg").send(dress);
      expect(res.status, path).toBe(200);
    }
  });
});

describe("product names and links", () => {
  for (const [what, field, value] of [
    ["an image_url that is no URL", "image_url", "not a url"],
    ["a javascript: permalink", "permalink", "javascript:alert(1)"],
    ["a name over 500 characters", "name", "x".repeat(501)],
  ] as const) {
    it(`refuses ${what} sent beside the photo`, async () => {
      const res = await request(t.app)
        .put("/v1/products/p2")
        .set(auth())
        .attach("image", dress, { filename: "d.jpg", contentType: "image/jpeg" })
        .field(field, value);
      expect(res.status).toBe(400);
      expect((await request(t.app).get("/v1/products/p2").set(auth())).status, "nothing stored").toBe(404);
    });
  }
});

describe("product names from the shop", () => {
  it("keep their text with control characters turned into spaces", async () => {
    await request(t.app)
      .put("/v1/products/p3")
      .set(auth())
      .attach("image", dress, { filename: "d.jpg", contentType: "image/jpeg" })
      .field("name", "Red\tdress\u0007 ")
      .expect(200);
    const product = (await request(t.app).get("/v1/products/p3").set(auth())).body as { name: string };
    expect(product.name).toBe("Red dress");
  });
});

describe("labels batches and numbers", () => {
  it("does not clear a product's labels when an item forgets them, and refuses a repeated id", async () => {
    await request(t.app)
      .put("/v1/labels")
      .set(auth())
      .send({ items: [{ id: "p1", labels: { category: "Frocks" } }] })
      .expect(200);
    const missing = await request(t.app)
      .put("/v1/labels")
      .set(auth())
      .send({ items: [{ id: "p1" }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/send \{\} to clear/);
    const twice = await request(t.app)
      .put("/v1/labels")
      .set(auth())
      .send({
        items: [
          { id: "p1", labels: { category: "A" } },
          { id: "p1", labels: { category: "B" } },
        ],
      });
    expect(twice.status).toBe(400);
    const product = (await request(t.app).get("/v1/products/p1").set(auth())).body as { labels: Record<string, string> };
    expect(product.labels).toEqual({ category: "Frocks" });
  });

  it("reads k and limit as plain integers only", async () => {
    for (const q of ["k=1e2", "k=0x10", "k=%208"])
      expect((await request(t.app).get(`/v1/products/p1/similar?${q}`).set(auth())).status, q).toBe(400);
    expect((await request(t.app).get("/v1/feedback?limit=1e3").set(auth())).status).toBe(400);
    expect((await request(t.app).get("/v1/products/p1/similar?k=8").set(auth())).status).toBe(200);
  });
});

describe("the body of a write-back", () => {
  for (const [what, body] of [
    ["colours that are not a list", { annotation: { colors: 5 } }],
    ["a null colour", { annotation: { colors: [null] } }],
    ["a colour name that is a number", { annotation: { colors: [{ name: 5, share: 1 }] } }],
    ["a category label that is a number", { annotation: { category: { label: 5, score: 1 } } }],
    ["an attribute label that is a list", { annotation: { attributes: { pattern: { label: ["a"], score: 1 } } } }],
    ["a score above 1", { annotation: { category: { label: "Dresses", score: 3 } } }],
    ["an annotation that is a string", { annotation: "hello" }],
    ["options that are a string", { options: "x" }],
    ["a tag field that is a number", { options: { tagFields: [5] } }],
  ] as const) {
    it(`refuses ${what}`, () => {
      expect(() => parseApplyBody(body)).toThrow(expect.objectContaining({ status: 400, code: "invalid_request" }));
    });
  }

  it("takes an annotation as the annotate route answers it", () => {
    const { annotation, options } = parseApplyBody({
      annotation: {
        category: { label: "Dresses", score: 0.9, confident: true, alternatives: [] },
        attributes: { pattern: { label: "Solid", score: 0.8 } },
        colors: [{ name: "red", hex: "#c62828", share: 0.7 }],
        model: { name: "kalas-fashion-mnv2", version: "0.1.0" },
        timing_ms: 20,
      },
      options: { setCategory: true, thresholds: { default: 0.5 } },
    });
    expect(annotation?.category).toEqual({ label: "Dresses", score: 0.9, confident: true });
    expect(annotation?.colors).toEqual([{ name: "red", hex: "#c62828", share: 0.7 }]);
    expect(options.setCategory).toBe(true);
    expect(options.tagFields).toEqual(["category", "color", "pattern"]);
  });
});
