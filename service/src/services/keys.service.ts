/** Per-shop API keys: created and rotated from the CLI, checked on every request. */
import crypto from "node:crypto";

import type { KeysRepository } from "../repositories/keys.repository.js";
import { checkShopName } from "./shops.service.js";

export function createKey(repo: KeysRepository, shop: string): string {
  const key = `kis_${crypto.randomBytes(24).toString("base64url")}`;
  repo.insert(checkShopName(shop), key);
  return key;
}

/** Revokes every live key of the shop and returns a new one. */
export function rotateKey(repo: KeysRepository, shop: string): { key: string; revoked: number } {
  const revoked = repo.revokeShop(checkShopName(shop));
  return { key: createKey(repo, shop), revoked };
}
