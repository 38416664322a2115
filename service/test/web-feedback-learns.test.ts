/**
 * With WEB_FEEDBACK_LEARNS=true, a pending correction from the public page counts at once; a
 * rejected one still never does. (The setting is read when the service's modules load, hence a file
 * of its own that sets it first.)
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { photo, testApp } from "./helpers.js";

const previous = vi.hoisted(() => {
  const value = process.env.WEB_FEEDBACK_LEARNS;
  process.env.WEB_FEEDBACK_LEARNS = "true";
  return value;
});

let t: Awaited<ReturnType<typeof testApp>>;
let key: string;
const shoe = photo("fp-20856.jpg");
beforeAll(async () => {
  t = await testApp({ WEB_SHOP: "staff-only", RATE_LIMIT_PER_SECOND: "1000", WEB_RATE_LIMIT_PER_SECOND: "1000" });
  key = t.key("staff-only");
});
afterAll(() => {
  t.close();
  if (previous === undefined) delete process.env.WEB_FEEDBACK_LEARNS;
  else process.env.WEB_FEEDBACK_LEARNS = previous;
});

const fit = async () =>
  (await request(t.app).post("/v1/annotate").set("Authorization", `Bearer ${key}`).set("Content-Type", "image/jpeg").send(shoe).expect(200))
    .body.shop?.fit?.label as string | undefined;

describe("WEB_FEEDBACK_LEARNS=true", () => {
  it("lets a pending web correction steer the next prediction until a person rejects it", async () => {
    const { token } = (await request(t.app).post("/v1/web/session").send({})).body as { token: string };
    const sent = await request(t.app)
      .post("/v1/feedback")
      .set("Authorization", `Bearer ${token}`)
      .attach("image", shoe, { filename: "s.jpg", contentType: "image/jpeg" })
      .field("correction", JSON.stringify({ labels: { fit: "Roomy" } }))
      .expect(201);
    expect(sent.body).toMatchObject({ stored: true, review: "pending", learns: true });
    expect(await fit()).toBe("Roomy");
    const [item] = (await request(t.app).get("/v1/feedback").set("Authorization", `Bearer ${key}`).expect(200)).body.items;
    expect(item).toMatchObject({ id: sent.body.id, source: "web", review: "pending", learns: true });
    const rejected = await request(t.app)
      .patch(`/v1/feedback/${sent.body.id}`)
      .set("Authorization", `Bearer ${key}`)
      .send({ review: "rejected" })
      .expect(200);
    expect(rejected.body).toMatchObject({ review: "rejected", learns: false });
    expect(await fit()).toBeUndefined();
  });
});
