/** POST /v1/learn: retrain the shop's own heads from its labelled products and corrections. */
import { Router } from "express";

import { shopOf } from "../http/context.js";
import { learnShop } from "../services/learn.service.js";

export function learnRoute(): Router {
  return Router().post("/learn", async (req, res) => {
    res.json(await learnShop(shopOf(req)));
  });
}
