import type { Command } from "commander";

import { onOff } from "../checks.js";
import { withShop } from "./context.js";

export function shopCommand(program: Command): void {
  program
    .command("shop")
    .description("shop settings")
    .command("allow-private-urls")
    .requiredOption("--shop <name>", "shop to change (it must exist)")
    .argument("<on|off>")
    .description("let this shop's image URLs point at private addresses (a shop on the same network)")
    .action(async (value: string, o: { shop: string }) => {
      const allow = onOff(value);
      await withShop(o.shop, (shop) => shop.catalog.setSetting("allow_private_urls", String(allow)));
      process.stdout.write(`Shop "${o.shop}": private image URLs ${allow ? "allowed" : "refused"}.\n`);
    });
}
