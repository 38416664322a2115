/**
 * The shop registry as the service, its tests and the command line all open it: each shop's
 * repository told whether pending web corrections count, and relearning followed while a shop is open
 * (resumed, and other processes' reviews watched for) and dropped when it closes; in a process where
 * relearning is off, such as the CLI, both do nothing.
 */
import type { Config } from "../config.js";
import type { VectorSpace } from "../repositories/index.repository.js";
import { followShop, forgetRelearn } from "./relearn.service.js";
import { ShopRegistry } from "./shops.service.js";

export function openShops(config: Config, space: () => Promise<VectorSpace>): ShopRegistry {
  return new ShopRegistry(config.dataDir, space, {
    pendingWebLearns: config.webFeedbackLearns,
    onOpen: followShop,
    onClose: forgetRelearn,
  });
}
