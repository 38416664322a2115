/**
 * Builds the Express app: public routes, then the key-protected /v1 API, then the try-it web
 * app at /, and one error handler that answers in JSON.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import express, { Router, type Express } from "express";

import { AppError } from "./errors.js";
import { authMiddleware } from "./http/auth.middleware.js";
import type { AppContext } from "./http/context.js";
import { errorMiddleware } from "./http/error.middleware.js";
import { plainQueryMiddleware } from "./http/plain-query.middleware.js";
import { annotateRoute } from "./routes/annotate.route.js";
import { feedbackRoute } from "./routes/feedback.route.js";
import { healthRoute } from "./routes/health.route.js";
import { learnRoute } from "./routes/learn.route.js";
import { modelRoute } from "./routes/model.route.js";
import { openapiRoute } from "./routes/openapi.route.js";
import { productsRoute } from "./routes/products.route.js";
import { reindexRoute } from "./routes/reindex.route.js";
import { similarRoute } from "./routes/similar.route.js";
import { webSessionRoute } from "./routes/web-session.route.js";
import { woocommerceRoute } from "./routes/woocommerce.route.js";
import { webRouter } from "./web/web.route.js";

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../web/dist");

export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", ctx.config.trustProxy);

  app.use("/v1", healthRoute(ctx), openapiRoute(), webSessionRoute(ctx));
  const api = Router();
  api.use(authMiddleware(ctx), plainQueryMiddleware);
  api.use(
    annotateRoute(),
    productsRoute(),
    similarRoute(),
    feedbackRoute(),
    learnRoute(),
    reindexRoute(),
    modelRoute(),
    woocommerceRoute(),
  );
  app.use("/v1", api);

  app.use(webRouter(WEB_DIST));
  app.use((req, _res, next) => next(new AppError(404, "route_not_found", `No route ${req.method} ${req.path}.`)));
  app.use(errorMiddleware);
  return app;
}
