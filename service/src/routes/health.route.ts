/** Liveness and readiness, the only routes that need no key. */
import { Router } from "express";

import type { AppContext } from "../http/context.js";
import { log } from "../log.js";
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
      // Anyone may ask, so shops are counted, not named: the log names them (shops.service.ts).
      const repairs = ctx.shops.list().filter((s) => s.repair.replayed || s.repair.rebuilt).length;
      res.json({ ready: true, pack: { name: m.manifest.name, version: m.manifest.version }, load: inferenceLoad(), repairs });
    } catch (e) {
      // The reason can name files on the server: it goes to the log, the answer only says where to look.
      log.error("model unavailable", { error: (e as Error).message });
      res
        .status(503)
        .set("Retry-After", "5")
        .json({
          ready: false,
          error: { code: "model_unavailable", message: "The model pack is not loaded (yet); the service log says why." },
        });
    }
  });
  return r;
}
