/** GET /v1/openapi.json */
import { Router } from "express";

import { openapiDocument } from "../openapi/openapi.js";

export function openapiRoute(): Router {
  return Router().get("/openapi.json", (_req, res) => {
    res.json(openapiDocument);
  });
}
