/** Feedback routes: store a person's correction, list the shop's corrections. */
import { Router } from "express";

import { shopOf, type AppContext } from "../http/context.js";
import { bodyParsers, fieldsFrom, imageFrom } from "../http/image-body.js";
import { listFeedback, parseCorrection, recordFeedback } from "../services/feedback.service.js";
import { intParam, jsonField } from "./query.js";

export function feedbackRoute(ctx: AppContext): Router {
  const r = Router();
  r.post("/feedback", bodyParsers({ json: true }), async (req, res) => {
    const f = fieldsFrom(req);
    // Multipart carries the correction as a JSON text field beside the image.
    const body = f.correction !== undefined ? { ...(jsonField(f.correction, "correction") as object), product_id: f.product_id } : f;
    const parsed = parseCorrection(body);
    res.status(201).json(await recordFeedback(shopOf(req), ctx.config.dataDir, { ...parsed, image: imageFrom(req) ?? undefined }));
  });
  r.get("/feedback", (req, res) => {
    res.json({ items: listFeedback(shopOf(req), intParam(req.query.limit, "limit", 50, 1, 1000)) });
  });
  return r;
}
