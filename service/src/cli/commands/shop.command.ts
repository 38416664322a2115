import type { Command } from "commander";

import { openCli } from "./context.js";

export function shopCommand(program: Command): void {
  program
    .command("shop")
    .description("shop settings")
    .command("allow-private-urls")
    .requiredOption("--shop <name>")
    .argument("<on|off>")
    .description("let this shop's image URLs point at private addresses (a shop on the same network)")
    .action(async (value: string, o: { shop: string }) => {
      const { shops } = await openCli();
      const shop = await shops.get(o.shop);
      shop.catalog.setSetting("allow_private_urls", String(value === "on"));
      shops.closeAll();
      process.stdout.write(`Shop "${o.shop}": private image URLs ${value === "on" ? "allowed" : "refused"}.\n`);
    });
}
