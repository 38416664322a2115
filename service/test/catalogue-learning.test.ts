/**
 * Catalogue learning on real photos: a shop's own labels are learned from its catalogue, and a
 * person's correction changes the next prediction for a similar photo at once.
 */
import sharp from "sharp";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { photo, testApp } from "./helpers.js";

const SHOP_LABELS: Record<string, string> = {
  "fp-15187.jpg": "Tees & Tanks",
  "fp-15528.jpg": "Tees & Tanks",
  "fp-10866.jpg": "Tees & Tanks",
  "cc0-t-shirt.jpg": "Tees & Tanks",
  "fp-16508.jpg": "Denim & Pants",
  "fp-11520.jpg": "Denim & Pants",
  "cc0-pants.jpg": "Denim & Pants",
  "fp-11261.jpg": "Frocks",
  "fp-10365.jpg": "Frocks",
  "cc0-dress.jpg": "Frocks",
  "fp-20856.jpg": "Footwear",
  "cc0-shoes.jpg": "Footwear",
};

let t: Awaited<ReturnType<typeof testApp>>;
let key: string;
const auth = () => ({ Authorization: `Bearer ${key}` });
/** A different photo of the same item: mirrored and slightly cropped. */
const variant = async (name: string) => sharp(photo(name)).flop().extract({ left: 8, top: 8, width: 200, height: 200 }).jpeg().toBuffer();

beforeAll(async () => {
  t = await testApp({ RATE_LIMIT_PER_SECOND: "1000" });
  key = t.key("boutique");
  for (const [file, label] of Object.entries(SHOP_LABELS)) {
    await request(t.app)
      .put(`/v1/products/${file.replace(".jpg", "")}`)
      .set(auth())
      .attach("image", photo(file), file)
      .field("labels", JSON.stringify({ category: label }))
      .expect(200);
  }
});
afterAll(() => t.close());

describe("catalogue learning", () => {
  it("learns the shop's own category names", async () => {
    const before = await request(t.app)
      .post("/v1/annotate")
      .set(auth())
      .set("Content-Type", "image/jpeg")
      .send(await variant("fp-15528.jpg"));
    expect(before.body.shop).toBeUndefined();
    const report = await request(t.app).post("/v1/learn").set(auth()).expect(200);
    expect(report.body.fields.category.labels).toBe(4);
    for (const [file, label] of [
      ["fp-15528.jpg", "Tees & Tanks"],
      ["fp-16508.jpg", "Denim & Pants"],
      ["fp-11261.jpg", "Frocks"],
    ]) {
      const res = await request(t.app)
        .post("/v1/annotate")
        .set(auth())
        .set("Content-Type", "image/jpeg")
        .send(await variant(file));
      expect(res.body.shop.category.label, file).toBe(label);
    }
  });

  it("a correction changes the next prediction for a similar photo right away", async () => {
    const img = await variant("fp-20856.jpg");
    const before = await request(t.app).post("/v1/annotate").set(auth()).set("Content-Type", "image/jpeg").send(img);
    expect(before.body.shop.category.label).toBe("Footwear");
    await request(t.app)
      .post("/v1/feedback")
      .set(auth())
      .attach("image", img, "shoe.jpg")
      .field("correction", JSON.stringify({ labels: { category: "Sneakers" } }))
      .expect(201);
    // Not the same bytes: another crop of the same shoe.
    const similar = await sharp(photo("fp-20856.jpg")).flop().extract({ left: 4, top: 12, width: 204, height: 200 }).jpeg().toBuffer();
    const after = await request(t.app).post("/v1/annotate").set(auth()).set("Content-Type", "image/jpeg").send(similar);
    expect(after.body.shop.category.label).toBe("Sneakers");
    // An unrelated photo keeps its learned label.
    const other = await request(t.app)
      .post("/v1/annotate")
      .set(auth())
      .set("Content-Type", "image/jpeg")
      .send(await variant("fp-11261.jpg"));
    expect(other.body.shop.category.label).toBe("Frocks");
  });

  it("a product labelled after learning already counts for the next similar photo", async () => {
    const scoreOf = (shop: { label: string; score: number; alternatives: { label: string; score: number }[] }, label: string) =>
      shop.label === label ? shop.score : (shop.alternatives.find((a) => a.label === label)?.score ?? 0);
    const annotate = async (img: Buffer) =>
      (await request(t.app).post("/v1/annotate").set(auth()).set("Content-Type", "image/jpeg").send(img).expect(200)).body.shop.category;
    const query = await sharp(photo("fp-16508.jpg")).extract({ left: 6, top: 6, width: 204, height: 204 }).jpeg().toBuffer();
    const before = await annotate(query);
    expect(before.label).toBe("Denim & Pants");
    // The shop adds another photo of those trousers, filed under a label its head gives them little of.
    await request(t.app)
      .put("/v1/products/pants-in-frocks")
      .set(auth())
      .attach("image", await variant("fp-16508.jpg"), "pants.jpg")
      .field("labels", JSON.stringify({ category: "Frocks" }))
      .expect(200);
    const after = await annotate(query);
    // Without the vote nothing moves (the heads were not retrained); with it, the near-copy pulls.
    expect(scoreOf(after, "Frocks") - scoreOf(before, "Frocks")).toBeGreaterThan(0.05);
  });

  it("takes a recategorised catalogue's labels without photos, and learns them", async () => {
    const res = await request(t.app)
      .put("/v1/labels")
      .set(auth())
      .send({
        items: ["fp-11261", "fp-10365", "cc0-dress"]
          .map((id): { id: string; labels: Record<string, string> } => ({ id, labels: { category: "Dresses & Gowns" } }))
          .concat([{ id: "never-indexed", labels: {} }]),
      })
      .expect(200);
    expect(res.body).toEqual({ updated: 3, missing: ["never-indexed"] });
    expect((await request(t.app).get("/v1/products/cc0-dress").set(auth()).expect(200)).body.labels).toEqual({
      category: "Dresses & Gowns",
    });
    const report = await request(t.app).post("/v1/learn").set(auth()).expect(200);
    expect(report.body.fields.category.labels).toBe(4);
    const dress = await request(t.app)
      .post("/v1/annotate")
      .set(auth())
      .set("Content-Type", "image/jpeg")
      .send(await variant("fp-11261.jpg"));
    expect(dress.body.shop.category.label).toBe("Dresses & Gowns");
  });

  it("refuses labels that are not an object of field: label, and nothing changes", async () => {
    for (const body of [
      {},
      { items: [] },
      { items: [{ labels: { category: "x" } }] },
      { items: [{ id: "cc0-dress", labels: { category: 3 } }] },
      { items: [{ id: "cc0-dress", labels: ["Frocks"] }] },
      { items: [{ id: "bad id!", labels: {} }] },
    ]) {
      const res = await request(t.app).put("/v1/labels").set(auth()).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toBeTruthy();
    }
    const broken = await request(t.app).put("/v1/labels").set(auth()).set("Content-Type", "application/json").send("{nope");
    expect(broken.body.error.code).toBe("invalid_json");
    expect((await request(t.app).get("/v1/products/cc0-dress").set(auth()).expect(200)).body.labels).toEqual({
      category: "Dresses & Gowns",
    });
  });

  it("another shop learns nothing from this one", async () => {
    const other = t.key("other-shop");
    const res = await request(t.app)
      .post("/v1/annotate")
      .set({ Authorization: `Bearer ${other}` })
      .set("Content-Type", "image/jpeg")
      .send(await variant("fp-15528.jpg"));
    expect(res.body.shop).toBeUndefined();
  });
});
