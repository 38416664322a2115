/** POST /v1/web/session: a short-lived token for the public try-it page, when the deployer enabled it. */
import { Router } from "express";

import { AppError } from "../errors.js";
import type { AppContext } from "../http/context.js";
import { issueWebToken } from "../services/web-session.service.js";

export function webSessionRoute(ctx: AppContext): Router {
  return Router().post("/web/session", (req, res) => {
    if (!ctx.config.webShop)
      throw new AppError(404, "web_sessions_disabled", "This service does not offer public web sessions; use an API key.");
    res.json(issueWebToken(ctx.config, ctx.config.webShop, req.get("origin")));
  });
}
