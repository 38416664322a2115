/**
 * Reviewing corrections over HTTP, on real photos: a rejected correction stops steering the shop's
 * next prediction, an accepted one from the public page starts, and the review list and photo route
 * answer what the plugin's review screen shows.
 */
import fs from "node:fs";
import path from "node:path";

import sharp from "sharp";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CatalogRepository } from "../src/repositories/catalog.repository.js";
import { photo, testApp } from "./helpers.js";

let t: Awaited<ReturnType<typeof testApp>>;
let key: string;
let token: string;
const dress = photo("fp-10365.jpg");
const shoe = photo("fp-20856.jpg");
const auth = () => ({ Authorization: `Bearer ${key}` });

beforeAll(async () => {
  t = await testApp({ WEB_SHOP: "boutique", RATE_LIMIT_PER_SECOND: "1000", WEB_RATE_LIMIT_PER_SECOND: "1000" });
  key = t.key("boutique");
  token = ((await request(t.app).post("/v1/web/session").send({})).body as { token: string }).token;
  await request(t.app).put("/v1/products/p1").set(auth()).set("Content-Type", "image/jpeg").send(dress).expect(200);
});
afterAll(() => t.close());

/** Sends a correction with a photo, with the shop's key or through the public page's session. */
async function correct(via: "key" | "web", img: Buffer, labels: Record<string, string>, contentType = "image/jpeg"): Promise<number> {
  const res = await request(t.app)
    .post("/v1/feedback")
    .set("Authorization", `Bearer ${via === "key" ? key : token}`)
    .attach("image", img, { filename: "p", contentType })
    .field("correction", JSON.stringify({ labels }))
    .expect(201);
  return res.body.id as number;
}
const review = (id: number | string, value: unknown) => request(t.app).patch(`/v1/feedback/${id}`).set(auth()).send({ review: value });
/** The shop's own prediction of a field for a photo, or undefined when nothing predicts it. */
const shopLabel = async (img: Buffer, field: string) =>
  (await request(t.app).post("/v1/annotate").set(auth()).set("Content-Type", "image/jpeg").send(img).expect(200)).body.shop?.[field]
    ?.label as string | undefined;
const list = (query = "") => request(t.app).get(`/v1/feedback${query}`).set(auth());

describe("a review decides whether a correction steers the next prediction", () => {
  it("a rejected correction from the shop's key stops counting at once, and counts again when put back to pending", async () => {
    const id = await correct("key", dress, { style: "Boho" });
    expect(await shopLabel(dress, "style")).toBe("Boho");
    const rejected = await review(id, "rejected").expect(200);
    expect(rejected.body).toMatchObject({ id, source: "key", review: "rejected", learns: false });
    expect(await shopLabel(dress, "style")).toBeUndefined();
    expect((await review(id, "pending").expect(200)).body).toMatchObject({ review: "pending", learns: true });
    expect(await shopLabel(dress, "style")).toBe("Boho");
  });

  it("a correction from the public page counts only once accepted, and stops when rejected", async () => {
    const id = await correct("web", shoe, { fit: "Roomy" });
    expect(await shopLabel(shoe, "fit")).toBeUndefined();
    const accepted = await review(id, "accepted").expect(200);
    expect(accepted.body).toMatchObject({ id, source: "web", review: "accepted", learns: true, has_image: true });
    expect(await shopLabel(shoe, "fit")).toBe("Roomy");
    await review(id, "rejected").expect(200);
    expect(await shopLabel(shoe, "fit")).toBeUndefined();
    await review(id, "accepted").expect(200);
  });

  it("learning counts the same corrections as the list's `learns`", async () => {
    const all = (await list("?limit=1000").expect(200)).body as { items: { learns: boolean }[] };
    const report = (await request(t.app).post("/v1/learn").set(auth()).expect(200)).body as { corrections: number };
    expect(report.corrections).toBe(all.items.filter((i) => i.learns).length);
    expect(report.corrections).toBeGreaterThan(0);
  });

  it("a review made by another process (the CLI) reaches the running service's next prediction", async () => {
    const id = await correct("key", dress, { season: "Summer" });
    expect(await shopLabel(dress, "season")).toBe("Summer");
    const shop = await t.ctx.shops.get("boutique");
    const other = new CatalogRepository(path.join(t.dataDir, "shops", "boutique"), shop.catalog.model);
    other.setFeedbackReview(id, "rejected");
    other.close();
    expect(await shopLabel(dress, "season")).toBeUndefined();
  });
});

describe("GET /v1/feedback", () => {
  it("filters by source and review, pages, and counts every match in `total`", async () => {
    const web = (await list("?source=web").expect(200)).body as { items: { source: string; id: number }[]; total: number };
    expect(web.items.length).toBeGreaterThan(0);
    expect(web.items.every((i) => i.source === "web")).toBe(true);
    await correct("web", dress, { style: "Goth" });
    await correct("web", dress, { style: "Punk" });
    const pending = (await list("?source=web&review=pending").expect(200)).body as {
      items: { correction: { labels: Record<string, string> }; review: string; learns: boolean }[];
      total: number;
    };
    expect(pending.items.map((i) => i.correction.labels.style)).toEqual(["Punk", "Goth"]);
    expect(pending.total).toBe(2);
    expect(pending.items.every((i) => i.review === "pending" && !i.learns)).toBe(true);
    const everything = (await list("?limit=1000").expect(200)).body as { items: { id: number }[]; total: number };
    expect(everything.total).toBe(everything.items.length);
    const second = (await list("?limit=2&offset=2").expect(200)).body as { items: { id: number }[]; total: number };
    expect(second.items.map((i) => i.id)).toEqual(everything.items.slice(2, 4).map((i) => i.id));
    expect(second.total).toBe(everything.total);
    const keyRejected = (await list("?source=key&review=rejected").expect(200)).body as { items: { source: string; review: string }[] };
    expect(keyRejected.items.length).toBeGreaterThan(0);
    expect(keyRejected.items.every((i) => i.source === "key" && i.review === "rejected")).toBe(true);
  });

  it.each([
    ["source=all", '"source" must be web or key.'],
    ["review=done", '"review" must be pending, accepted or rejected.'],
    ["review=Pending", '"review" must be pending, accepted or rejected.'],
    ["source=web&source=key", '"source" must be web or key.'],
    ["offset=-1", '"offset" must be an integer from 0 to 999999999.'],
    ["offset=1.5", '"offset" must be an integer from 0 to 999999999.'],
    ["limit=0", '"limit" must be an integer from 1 to 1000.'],
    ["limit=1001", '"limit" must be an integer from 1 to 1000.'],
  ])("refuses ?%s with a 400 saying what is wrong", async (query, message) => {
    const res = await list(`?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: "invalid_request", message });
  });

  it.each(["review[]=accepted", "review[x]=accepted", "source[]=web", "limit[]=1", "offset[a]=0"])(
    "refuses ?%s instead of answering every correction as if no filter had been sent",
    async (query) => {
      const res = await list(`?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
      expect(res.body.error.message).toMatch(/^Send "(review|source|limit|offset)" once as \1=<value>, not as ".+"\.$/);
    },
  );
});

describe("PATCH /v1/feedback/{id}", () => {
  it.each([
    ["an empty object", {}],
    ["an unknown review", { review: "maybe" }],
    ["a review that is not a string", { review: 1 }],
    ["an array", [{ review: "accepted" }]],
  ])("refuses %s with 400 invalid_request", async (_what, body) => {
    const res = await request(t.app).patch("/v1/feedback/1").set(auth()).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
    expect(res.body.error.message).toMatch(/"review": "accepted" \| "rejected" \| "pending"/);
  });

  it("refuses a body that is not JSON", async () => {
    const res = await request(t.app).patch("/v1/feedback/1").set(auth()).set("Content-Type", "text/plain").send("accepted");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
  });

  it.each(["999999", "abc", "1.0", "-1", "99999999999999999999"])("answers 404 feedback_not_found for id %s", async (id) => {
    const res = await review(id, "accepted");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("feedback_not_found");
  });

  it("does not reach another shop's corrections", async () => {
    const other = t.key("other-shop");
    const [mine] = ((await list("?limit=1").expect(200)).body as { items: { id: number }[] }).items;
    const res = await request(t.app).patch(`/v1/feedback/${mine.id}`).set("Authorization", `Bearer ${other}`).send({ review: "rejected" });
    expect(res.status).toBe(404);
    expect(((await list("?limit=1").expect(200)).body as { items: { review: string }[] }).items[0].review).toBe("pending");
  });
});

describe("GET /v1/feedback/{id}/image", () => {
  it("answers the stored photo with its type and a private cache header", async () => {
    const id = await correct("key", dress, { style: "Prep" });
    const res = await request(t.app).get(`/v1/feedback/${id}/image`).set(auth()).buffer(true).expect(200);
    expect(res.headers["content-type"]).toBe("image/jpeg");
    expect(res.headers["cache-control"]).toBe("private, max-age=3600");
    expect(Buffer.compare(res.body as Buffer, dress)).toBe(0);

    const png = await sharp(dress).png().toBuffer();
    const pngId = await correct("key", png, { style: "Prep" }, "image/png");
    const pngRes = await request(t.app).get(`/v1/feedback/${pngId}/image`).set(auth()).buffer(true).expect(200);
    expect(pngRes.headers["content-type"]).toBe("image/png");
    expect(Buffer.compare(pngRes.body as Buffer, png)).toBe(0);
  });

  it("answers a JPEG thumbnail that fits `max`, for review screens", async () => {
    const png = await sharp(dress).resize(600, 800).png().toBuffer();
    const id = await correct("key", png, { style: "Prep" }, "image/png");
    const res = await request(t.app).get(`/v1/feedback/${id}/image?max=200`).set(auth()).buffer(true).expect(200);
    expect(res.headers["content-type"]).toBe("image/jpeg");
    const { width, height, format } = await sharp(res.body as Buffer).metadata();
    expect({ width, height, format }).toEqual({ width: 150, height: 200, format: "jpeg" });
    for (const bad of ["0", "15", "2049", "abc", "1.5"]) {
      const refused = await request(t.app).get(`/v1/feedback/${id}/image?max=${bad}`).set(auth());
      expect([refused.status, refused.body.error?.code], `max=${bad}`).toEqual([400, "invalid_request"]);
    }
  });

  it("answers 404 image_not_found for a correction that named an indexed product, or whose photo is gone", async () => {
    const byProduct = (await request(t.app).post("/v1/feedback").set(auth()).send({ product_id: "p1", category: "Dresses" }).expect(201))
      .body.id as number;
    const res = await request(t.app).get(`/v1/feedback/${byProduct}/image`).set(auth());
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("image_not_found");

    // A photo of its own, so removing it takes no other correction's photo with it.
    const own = await sharp(dress).rotate(90).jpeg().toBuffer();
    const id = await correct("key", own, { style: "Gone" });
    for (const f of fs.readdirSync(path.join(t.dataDir, "shops", "boutique", "feedback"))) {
      const file = path.join(t.dataDir, "shops", "boutique", "feedback", f);
      if (fs.readFileSync(file).equals(own)) fs.rmSync(file);
    }
    const gone = await request(t.app).get(`/v1/feedback/${id}/image`).set(auth());
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("image_not_found");
  });

  it.each(["999999", "abc"])("answers 404 feedback_not_found for id %s", async (id) => {
    const res = await request(t.app).get(`/v1/feedback/${id}/image`).set(auth());
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("feedback_not_found");
  });
});

describe("deleting a correction", () => {
  const photoFiles = () => fs.readdirSync(path.join(t.dataDir, "shops", "boutique", "feedback"));

  it("removes it, stops it steering predictions, and removes its photo once no other correction has it", async () => {
    const own = await sharp(shoe).rotate(180).jpeg().toBuffer();
    const first = await correct("key", own, { style: "Deleted" });
    const second = await correct("key", own, { style: "Deleted" });
    const files = photoFiles().length;
    expect(await shopLabel(own, "style")).toBe("Deleted");

    expect((await request(t.app).delete(`/v1/feedback/${first}`).set(auth()).expect(200)).body).toEqual({ id: first, deleted: true });
    expect(photoFiles()).toHaveLength(files); // the second correction came with the same photo
    await request(t.app).get(`/v1/feedback/${second}/image`).set(auth()).expect(200);

    await request(t.app).delete(`/v1/feedback/${second}`).set(auth()).expect(200);
    expect(photoFiles()).toHaveLength(files - 1);
    expect(await shopLabel(own, "style")).toBeUndefined();
    const again = await request(t.app).delete(`/v1/feedback/${second}`).set(auth());
    expect([again.status, again.body.error.code]).toEqual([404, "feedback_not_found"]);
    const ids = ((await list("?limit=1000").expect(200)).body as { items: { id: number }[] }).items.map((i) => i.id);
    expect(ids).not.toContain(first);
    expect(ids).not.toContain(second);
  });
});

describe("a public web session", () => {
  it("cannot list, review, delete or see the photos of corrections", async () => {
    const id = await correct("web", dress, { style: "Mine" });
    for (const send of [
      () => request(t.app).get("/v1/feedback"),
      () => request(t.app).patch(`/v1/feedback/${id}`).send({ review: "accepted" }),
      () => request(t.app).delete(`/v1/feedback/${id}`),
      () => request(t.app).get(`/v1/feedback/${id}/image`),
    ]) {
      const res = await send().set("Authorization", `Bearer ${token}`);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const [item] = ((await list("?limit=1").expect(200)).body as { items: { id: number; review: string }[] }).items;
    expect(item).toMatchObject({ id, review: "pending" });
  });
});
