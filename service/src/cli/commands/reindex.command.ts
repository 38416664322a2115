import type { Command } from "commander";

import { reindexStale } from "../../services/reindex.service.js";
import { progressBar } from "../progress.js";
import { withShop } from "./context.js";

export function reindexCommand(program: Command): void {
  program
    .command("reindex")
    .requiredOption("--shop <name>", "shop to reindex (it must exist)")
    .description("after a model update: analyse again, from their image URLs, the products another model indexed")
    .action(async (o: { shop: string }) => {
      const report = await withShop(o.shop, async (shop) => {
        const stale = shop.catalog.staleProducts();
        const bar = progressBar(stale.filter((p) => p.image_url).length, "reindexing");
        const done = await reindexStale(shop, (_done, _total, failed) => bar.tick(failed), stale);
        bar.stop();
        return done;
      });
      for (const f of report.failed) process.stderr.write(`failed ${f.id}: ${f.error}\n`);
      if (report.without_url.length) {
        process.stderr.write(
          `${report.without_url.length} products were indexed from uploaded files, not URLs; send their photos again (kalas-iris index): ${report.without_url.slice(0, 10).join(", ")}${report.without_url.length > 10 ? ", …" : ""}\n`,
        );
      }
      process.stdout.write(
        `shop "${o.shop}": ${report.stale} products from another model, ${report.reindexed} indexed again, ${report.failed.length} failed, ${report.without_url.length} without an image URL${report.learned_again ? "; its own labels learned again" : ""}\n`,
      );
      if (report.failed.length || report.without_url.length) process.exitCode = 1;
    });
}
