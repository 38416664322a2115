/**
 * POST /v1/learn: retrain the shop's own heads from its labelled products and corrections.
 * GET /v1/learn: what it has learned, and whether it is learning.
 * PUT /v1/labels: set the shop's own labels of indexed products in batches, without their photos
 * (a shop whose owner recategorised products says so before learning).
 */
import express, { Router } from "express";

import { AppError } from "../errors.js";
import { shopOf } from "../http/context.js";
import { setProductLabels } from "../services/catalog.service.js";
import { learnStatus } from "../services/learn-status.service.js";
import { learnShop } from "../services/learn.service.js";
import { labelsField } from "./query.js";

const MAX_LABEL_ITEMS = 1000;

export function learnRoute(): Router {
  const r = Router();
  r.get("/learn", (req, res) => {
    res.json(learnStatus(shopOf(req)));
  });
  r.post("/learn", async (req, res) => {
    res.json(await learnShop(shopOf(req)));
  });
  r.put("/labels", express.json({ limit: "2mb" }), (req, res) => {
    const items = (req.body as { items?: unknown } | undefined)?.items;
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_LABEL_ITEMS)
      throw new AppError(400, "invalid_request", `Send { "items": [{ "id", "labels" }] } with 1 to ${MAX_LABEL_ITEMS} items.`);
    const seen = new Set<string>();
    const parsed = items.map((item: unknown, i) => {
      const { id, labels } = (item ?? {}) as { id?: unknown; labels?: unknown };
      if (typeof id !== "string" && typeof id !== "number") throw new AppError(400, "invalid_request", `items[${i}].id is missing.`);
      // Clearing takes an explicit {}: a forgotten "labels" must not wipe a product's labels.
      if (labels === undefined || labels === null)
        throw new AppError(400, "invalid_request", `items[${i}].labels is missing; send {} to clear the product's labels.`);
      if (seen.has(String(id))) throw new AppError(400, "invalid_request", `items[${i}]: product "${id}" is already in this batch.`);
      seen.add(String(id));
      return { id: String(id), labels: labelsField(labels, `items[${i}].labels`) ?? {} };
    });
    res.json(setProductLabels(shopOf(req), parsed));
  });
  return r;
}
