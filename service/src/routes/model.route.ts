/** GET /v1/model: what the loaded pack predicts, its palette and its metrics. */
import { Router } from "express";

import { describeModel } from "../services/model-info.service.js";

export function modelRoute(): Router {
  return Router().get("/model", async (_req, res) => {
    res.json(await describeModel());
  });
}
