import fs from "node:fs/promises";

import type { Command } from "commander";

import { similarToImage, similarToProduct } from "../../services/catalog.service.js";
import { existingFile, oneOf, positiveInt } from "../checks.js";
import { imageError } from "../image-error.js";
import { withShop } from "./context.js";

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
      // The image is read before withShop checks the shop and loads the model: a wrong path is said at once.
      const bytes = o.product ? null : await fs.readFile(existingFile(arg));
      const items = await withShop(o.shop, async (shop) =>
        bytes
          ? (await similarToImage(shop, bytes, k).catch((e: unknown) => Promise.reject(imageError(arg, e)))).items
          : similarToProduct(shop, arg, k),
      );
      if (o.format === "json") process.stdout.write(JSON.stringify(items, null, 2) + "\n");
      else console.table(items.map(({ id, score, name }) => ({ id, score, name })));
    });
}
