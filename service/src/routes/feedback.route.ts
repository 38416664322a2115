/** Feedback routes: store a person's correction, list the shop's corrections. */
import { Router } from "express";

import { AppError } from "../errors.js";
import { shopOf, viaOf, type AppContext } from "../http/context.js";
import { bodyParsers, fieldsFrom, imageFrom } from "../http/image-body.js";
import { listFeedback, parseCorrection, recordFeedback } from "../services/feedback.service.js";
import { intParam, jsonField } from "./query.js";

export function feedbackRoute(ctx: AppContext): Router {
  const r = Router();
  r.post("/feedback", bodyParsers({ json: true }), async (req, res) => {
    const f = fieldsFrom(req);
    // Multipart carries the correction as a JSON text field beside the image; its product id may be
    // a form field of its own or inside that JSON.
    let body: unknown = f;
    if (f.correction !== undefined) {
      const correction = jsonField(f.correction, "correction");
      if (!correction || typeof correction !== "object" || Array.isArray(correction))
        throw new AppError(400, "invalid_request", 'The "correction" field must hold a JSON object.');
      body = { ...correction, ...(f.product_id !== undefined ? { product_id: f.product_id } : {}) };
    }
    const parsed = parseCorrection(body);
    const input = { ...parsed, image: imageFrom(req) ?? undefined, source: viaOf(req) };
    res.status(201).json(await recordFeedback(shopOf(req), ctx.config.dataDir, input));
  });
  r.get("/feedback", (req, res) => {
    res.json({ items: listFeedback(shopOf(req), intParam(req.query.limit, "limit", 50, 1, 1000)) });
  });
  return r;
}
