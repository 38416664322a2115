/** The shop's WooCommerce link: credentials, and writing an annotation back to a product. */
import express, { Router } from "express";

import { shopOf } from "../http/context.js";
import { applyToProduct, saveWooCommerceCredentials, wooCommerceStatus } from "../services/shop-woocommerce.service.js";

export function woocommerceRoute(): Router {
  const r = Router();
  const json = express.json({ limit: "1mb" });
  r.put("/shop/woocommerce", json, (req, res) => {
    res.json(saveWooCommerceCredentials(shopOf(req), req.body));
  });
  r.get("/shop/woocommerce", (req, res) => {
    res.json(wooCommerceStatus(shopOf(req)));
  });
  r.post("/products/:id/apply", json, async (req, res) => {
    res.json(await applyToProduct(shopOf(req), String(req.params.id), req.body));
  });
  return r;
}
