/** Liveness and readiness, the only routes that need no key. */
import { Router } from "express";

import type { AppContext } from "../http/context.js";
import { inferenceLoad } from "../services/inference-limit.js";
import { getModel } from "../services/model.service.js";

export function healthRoute(ctx: AppContext): Router {
  const r = Router();
  r.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  r.get("/health/ready", async (_req, res) => {
    try {
      const m = await getModel();
      const repairs = ctx.shops
        .list()
        .filter((s) => s.repair.replayed || s.repair.rebuilt)
        .map((s) => ({ shop: s.name, ...s.repair }));
      res.json({ ready: true, pack: { name: m.manifest.name, version: m.manifest.version }, load: inferenceLoad(), repairs });
    } catch (e) {
      res
        .status(503)
        .set("Retry-After", "5")
        .json({ ready: false, error: { code: "model_unavailable", message: (e as Error).message } });
    }
  });
  return r;
}
