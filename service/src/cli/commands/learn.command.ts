import fs from "node:fs";

import type { Command } from "commander";

import { setProductLabels } from "../../services/catalog.service.js";
import { learnShop } from "../../services/learn.service.js";
import { parseCsv } from "../csv.js";
import { openCli } from "./context.js";

export function learnCommand(program: Command): void {
  program
    .command("learn")
    .requiredOption("--shop <name>")
    .option("--labels <csv>", "set the shop's own labels first: an `id` column, and one column per field (empty: no label)")
    .description("learn the shop's own labels from its labelled products and corrections")
    .action(async (o: { shop: string; labels?: string }) => {
      const items = o.labels ? readLabels(o.labels) : [];
      const { shops } = await openCli();
      const shop = await shops.get(o.shop);
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
      const report = await learnShop(shop);
      shops.closeAll();
      process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    });
}

/** Rows of a labels CSV as the service's label items; a row's empty cells are fields it has no label for. */
function readLabels(file: string): { id: string; labels: Record<string, string> }[] {
  if (!fs.existsSync(file)) throw new Error(`labels file ${file} not found`);
  const rows = parseCsv(fs.readFileSync(file, "utf8"));
  if (!rows.length || !("id" in rows[0])) throw new Error(`labels file ${file} needs a header with an "id" column`);
  return rows.map((r) => {
    const { id, ...fields } = r;
    return { id, labels: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== "")) };
  });
}
