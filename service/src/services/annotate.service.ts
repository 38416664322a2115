/** Annotation as clients see it: the pack's labels plus, when learned, the shop's own. */
import type { Annotation } from "../openapi/answers.js";
import { analyzeImage } from "./analyze.service.js";
import { shopPredictor } from "./learn.service.js";
import type { Shop } from "./shops.service.js";

export async function annotateForShop(shop: Shop, image: Buffer): Promise<Annotation> {
  return (await analyzeImage(image, shopPredictor(shop))).annotation;
}
