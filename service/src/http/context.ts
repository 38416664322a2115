/** What the HTTP layer shares: config, repositories and the shops, created once in app.ts. */
import type { Request } from "express";

import type { Config } from "../config.js";
import type { KeysRepository } from "../repositories/keys.repository.js";
import type { Shop, ShopRegistry } from "../services/shops.service.js";

export interface AppContext {
  config: Config;
  keys: KeysRepository;
  shops: ShopRegistry;
}

/** Set by the auth middleware on every authenticated request. */
export interface AuthedRequest extends Request {
  shop: Shop;
  /** How the caller proved itself: the shop's API key, or a public web session token. */
  via: "key" | "web";
}

/** Whether the request came with the shop's key or through a public web session. */
export function viaOf(req: Request): "key" | "web" {
  return (req as unknown as AuthedRequest).via ?? "key";
}

/** The shop the request's key belongs to (set by the auth middleware). */
export function shopOf(req: Request): Shop {
  return (req as unknown as AuthedRequest).shop;
}
