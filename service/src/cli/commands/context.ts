/** Opens what CLI commands share: config, the model and a shop. */
import { readConfig } from "../../config.js";
import { KeysRepository } from "../../repositories/keys.repository.js";
import { configureModel, getModel } from "../../services/model.service.js";
import { ShopRegistry } from "../../services/shops.service.js";

export async function openCli() {
  const config = readConfig();
  configureModel(config.pack);
  const model = await getModel();
  const shops = new ShopRegistry(config.dataDir, async () => model.vectorSpace);
  return { config, model, shops };
}

export function openKeys() {
  const config = readConfig();
  return { config, keys: new KeysRepository(config.dataDir) };
}
