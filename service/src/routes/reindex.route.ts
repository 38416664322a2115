/**
 * After a model update: POST /v1/reindex starts analysing the shop's stale products again in the
 * background (202), and GET /v1/reindex reports how far it got.
 */
import { Router } from "express";

import { shopOf } from "../http/context.js";
import { reindexProgress, startReindex } from "../services/reindex-runs.service.js";

export function reindexRoute(): Router {
  return Router()
    .post("/reindex", (req, res) => {
      res.status(202).json(startReindex(shopOf(req)));
    })
    .get("/reindex", (req, res) => {
      res.json(reindexProgress(shopOf(req)));
    });
}
