import fs from "node:fs/promises";

import type { Command } from "commander";

import { readConfig } from "../../config.js";
import { similarToImage, similarToProduct } from "../../services/catalog.service.js";
import { existingFile, oneOf, positiveInt } from "../checks.js";
import { imageError } from "../image-error.js";
import { requireShop } from "../shop-exists.js";
import { openCli } from "./context.js";

export function similarCommand(program: Command): void {
  program
    .command("similar")
    .argument("<image-or-product-id>", "an image file, or with --product a product id")
    .requiredOption("--shop <name>", "shop to search (it must exist)")
    .option("--product", "treat the argument as a product id")
    .option("-k <k>", "how many, 1 to 100", "10")
    .option("--format <format>", "table or json", "table")
    .description("find a shop's products most similar to an image or product")
    .action(async (arg: string, o: { shop: string; product?: boolean; k: string; format: string }) => {
      const k = positiveInt("-k", o.k, 100);
      oneOf("--format", o.format, ["table", "json"]);
      requireShop(readConfig(), o.shop);
      const bytes = o.product ? null : await fs.readFile(existingFile(arg));
      const { shops } = await openCli();
      const shop = await shops.get(o.shop);
      let items;
      try {
        items = bytes
          ? (await similarToImage(shop, bytes, k).catch((e: unknown) => Promise.reject(imageError(arg, e)))).items
          : similarToProduct(shop, arg, k);
      } finally {
        shops.closeAll();
      }
      if (o.format === "json") process.stdout.write(JSON.stringify(items, null, 2) + "\n");
      else console.table(items.map(({ id, score, name }) => ({ id, score, name })));
    });
}
