/** Product routes: upsert, read, remove, and similar products of a product. */
import { Router } from "express";

import { shopOf } from "../http/context.js";
import { optionalLink, optionalName } from "../http/fields.js";
import { bodyParsers, fieldsFrom, imageFrom } from "../http/image-body.js";
import { getProduct, removeProduct, similarToProduct, upsertProduct } from "../services/catalog.service.js";
import { intParam, labelsField } from "./query.js";

export function productsRoute(): Router {
  const r = Router();
  r.put("/products/:id", bodyParsers({ json: true }), async (req, res) => {
    const f = fieldsFrom(req);
    const labels = labelsField(f.labels);
    res.json(
      await upsertProduct(shopOf(req), {
        id: String(req.params.id),
        image: imageFrom(req) ?? undefined,
        imageUrl: optionalLink(f.image_url, "image_url", "url_not_allowed"),
        name: optionalName(f.name, "name"),
        permalink: optionalLink(f.permalink, "permalink"),
        labels,
      }),
    );
  });
  r.get("/products/:id", (req, res) => {
    res.json(getProduct(shopOf(req), String(req.params.id)));
  });
  r.delete("/products/:id", (req, res) => {
    res.json(removeProduct(shopOf(req), String(req.params.id)));
  });
  r.get("/products/:id/similar", (req, res) => {
    res.json({ items: similarToProduct(shopOf(req), String(req.params.id), intParam(req.query.k, "k", 8, 1, 100)) });
  });
  return r;
}
