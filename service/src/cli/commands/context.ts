/** Opens what CLI commands share: config, the model and a shop. */
import { readConfig } from "../../config.js";
import { KeysRepository } from "../../repositories/keys.repository.js";
import { configureModel, getModel } from "../../services/model.service.js";
import { openShops } from "../../services/open-shops.js";
import type { Shop } from "../../services/shops.service.js";
import { requireShop } from "../shop-exists.js";

export async function openCli() {
  const config = readConfig();
  configureModel(config.pack);
  const model = await getModel();
  const shops = openShops(config, async () => model.vectorSpace);
  return { config, model, shops };
}

export function openKeys() {
  const config = readConfig();
  return { config, keys: new KeysRepository(config.dataDir) };
}

/**
 * Runs `fn` on an existing shop and closes it afterwards, even when `fn` fails. The shop is checked
 * first, before the model loads, because opening a shop would create it (see shop-exists.ts).
 */
export async function withShop<T>(name: string, fn: (shop: Shop) => T | Promise<T>): Promise<T> {
  requireShop(readConfig(), name);
  const { shops } = await openCli();
  try {
    return await fn(await shops.get(name));
  } finally {
    shops.closeAll();
  }
}
