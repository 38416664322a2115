/** POST /v1/similar: the shop's products nearest to an uploaded photo. */
import { Router } from "express";

import { shopOf } from "../http/context.js";
import { bodyParsers, requireImage } from "../http/image-body.js";
import { similarToImage } from "../services/catalog.service.js";
import { intParam } from "./query.js";

export function similarRoute(): Router {
  return Router().post("/similar", bodyParsers({ json: false }), async (req, res) => {
    res.json(await similarToImage(shopOf(req), requireImage(req), intParam(req.query.k, "k", 8, 1, 100)));
  });
}
