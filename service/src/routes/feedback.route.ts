/**
 * Feedback routes: store a person's correction; list the shop's corrections, review, delete them
 * and show their photos (the shop's own people, with its key: a web session reaches only the POST).
 */
import express, { Router } from "express";

import { AppError } from "../errors.js";
import { shopOf, viaOf } from "../http/context.js";
import { bodyParsers, fieldsFrom, imageFrom } from "../http/image-body.js";
import {
  deleteFeedback,
  FEEDBACK_REVIEWS,
  FEEDBACK_SOURCES,
  feedbackImage,
  listFeedback,
  reviewFeedback,
} from "../services/feedback-review.service.js";
import { parseCorrection, recordFeedback } from "../services/feedback.service.js";
import { choiceParam, intParam, jsonField } from "./query.js";

export function feedbackRoute(): Router {
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
    res.status(201).json(await recordFeedback(shopOf(req), input));
  });
  r.get("/feedback", (req, res) => {
    const q = req.query;
    res.json(
      listFeedback(shopOf(req), {
        source: choiceParam(q.source, "source", FEEDBACK_SOURCES),
        review: choiceParam(q.review, "review", FEEDBACK_REVIEWS),
        limit: intParam(q.limit, "limit", 50, 1, 1000),
        offset: intParam(q.offset, "offset", 0, 0, 999_999_999),
      }),
    );
  });
  r.patch("/feedback/:id", express.json({ limit: "16kb" }), (req, res) => {
    const body = req.body as unknown;
    const review = body && typeof body === "object" && !Array.isArray(body) ? (body as { review?: unknown }).review : undefined;
    if (typeof review !== "string" || !(FEEDBACK_REVIEWS as readonly string[]).includes(review))
      throw new AppError(400, "invalid_request", 'Send a JSON object { "review": "accepted" | "rejected" | "pending" }.');
    res.json(reviewFeedback(shopOf(req), String(req.params.id), review as (typeof FEEDBACK_REVIEWS)[number]));
  });
  r.delete("/feedback/:id", (req, res) => {
    res.json(deleteFeedback(shopOf(req), String(req.params.id)));
  });
  r.get("/feedback/:id/image", async (req, res) => {
    const max = req.query.max === undefined ? undefined : intParam(req.query.max, "max", 480, 16, 2048);
    const { bytes, type } = await feedbackImage(shopOf(req), String(req.params.id), max);
    // The bytes are whatever a visitor uploaded: a browser must take them as the type named here, or not at all.
    res.set({ "Content-Type": type, "Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff" }).send(bytes);
  });
  return r;
}
