import type { Command } from "commander";

import { setProductLabels } from "../../services/catalog.service.js";
import { learnShop } from "../../services/learn.service.js";
import { readLabels } from "../labels-file.js";
import { withShop } from "./context.js";

export function learnCommand(program: Command): void {
  program
    .command("learn")
    .requiredOption("--shop <name>", "shop to learn (it must exist)")
    .option("--labels <csv>", "set the shop's own labels first: an `id` column, and one column per field (empty: no label)")
    .description("learn the shop's own labels from its labelled products and corrections")
    .action(async (o: { shop: string; labels?: string }) => {
      // The labels file is checked whole before withShop checks the shop and loads the model.
      const items = o.labels ? readLabels(o.labels) : [];
      const report = await withShop(o.shop, (shop) => {
        if (items.length) {
          const { updated, missing } = setProductLabels(shop, items);
          process.stderr.write(
            `labels set for ${updated} products` +
              (missing.length
                ? `; not in the index: ${missing.length} (${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""})`
                : "") +
              "\n",
          );
        }
        return learnShop(shop);
      });
      if (report.note) process.stderr.write(`${report.note}\n`);
      process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    });
}
