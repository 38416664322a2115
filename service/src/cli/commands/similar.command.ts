import fs from "node:fs/promises";

import type { Command } from "commander";

import { similarToImage, similarToProduct } from "../../services/catalog.service.js";
import { openCli } from "./context.js";

export function similarCommand(program: Command): void {
  program
    .command("similar")
    .argument("<image-or-product-id>", "an image file, or with --product a product id")
    .requiredOption("--shop <name>")
    .option("--product", "treat the argument as a product id")
    .option("-k <k>", "how many", "10")
    .option("--format <format>", "table or json", "table")
    .description("find a shop's products most similar to an image or product")
    .action(async (arg: string, o: { shop: string; product?: boolean; k: string; format: string }) => {
      const { shops } = await openCli();
      const shop = await shops.get(o.shop);
      const k = Number(o.k);
      const items = o.product ? similarToProduct(shop, arg, k) : (await similarToImage(shop, await fs.readFile(arg), k)).items;
      shops.closeAll();
      if (o.format === "json") process.stdout.write(JSON.stringify(items, null, 2) + "\n");
      else console.table(items.map(({ id, score, name }) => ({ id, score, name })));
    });
}
