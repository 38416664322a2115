/**
 * Commands that read or work on a shop (similar, reindex, learn, shop settings) must not create it:
 * opening a shop makes its folder, so a typo in --shop would quietly start a new, empty shop.
 */
import fs from "node:fs";
import path from "node:path";

import type { Config } from "../config.js";
import { KeysRepository } from "../repositories/keys.repository.js";
import { checkShopName } from "../services/shops.service.js";

export function requireShop(config: Config, name: string): string {
  checkShopName(name);
  if (fs.existsSync(path.join(config.dataDir, "shops", name)) || hasKey(config.dataDir, name)) return name;
  throw new Error(`Shop "${name}" does not exist (no products or keys yet); check the name.`);
}

/** Whether the shop has a live API key; never creates the keys database to find out. */
export function hasKey(dataDir: string, shop: string): boolean {
  if (!fs.existsSync(path.join(dataDir, "keys.sqlite"))) return false;
  const keys = new KeysRepository(dataDir);
  try {
    return keys.list().some((k) => k.shop === shop && !k.revoked_at);
  } finally {
    keys.close();
  }
}
