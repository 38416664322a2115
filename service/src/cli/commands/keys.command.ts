import type { Command } from "commander";

import { readConfig } from "../../config.js";
import { createKey, rotateKey } from "../../services/keys.service.js";
import { checkShopName } from "../../services/shops.service.js";
import { hasKey } from "../shop-exists.js";
import { openKeys } from "./context.js";

export function keysCommand(program: Command): void {
  const keys = program.command("keys").description("create, rotate and list per-shop API keys");
  keys
    .command("create")
    .requiredOption("--shop <name>", "shop the key belongs to (created if it does not exist)")
    .description("create a key; the key is the last line of the output")
    .action((o: { shop: string }) => {
      const { keys: repo } = openKeys();
      const key = createKey(repo, o.shop);
      process.stderr.write(`Created an API key for shop "${o.shop}". Store it now: it is not shown again.\n`);
      process.stdout.write(`${key}\n`);
    });
  keys
    .command("rotate")
    .requiredOption("--shop <name>", "shop whose keys to rotate (it must have one)")
    .description("revoke the shop's keys and create a new one (last line of the output)")
    .action((o: { shop: string }) => {
      // Rotating a shop that has no key would quietly make a first key, for a shop name that may be a typo.
      if (!hasKey(readConfig().dataDir, checkShopName(o.shop)))
        throw new Error(`Shop "${o.shop}" has no API key to rotate; use "keys create --shop ${o.shop}".`);
      const { keys: repo } = openKeys();
      const { key, revoked } = rotateKey(repo, o.shop);
      process.stderr.write(`Revoked ${revoked} key(s) of shop "${o.shop}".\n`);
      process.stdout.write(`${key}\n`);
    });
  keys
    .command("list")
    .description("list keys (prefixes only)")
    .action(() => {
      const { keys: repo } = openKeys();
      console.table(repo.list());
    });
}
