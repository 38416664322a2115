/** POST /v1/annotate: one image in, one annotation out. */
import { Router } from "express";

import { shopOf } from "../http/context.js";
import { bodyParsers, requireImage } from "../http/image-body.js";
import { annotateForShop } from "../services/annotate.service.js";

export function annotateRoute(): Router {
  return Router().post("/annotate", bodyParsers({ json: false }), async (req, res) => {
    res.json(await annotateForShop(shopOf(req), requireImage(req)));
  });
}
