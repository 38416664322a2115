import path from "node:path";

import type { Command } from "commander";

import { indexFiles } from "../../services/bulk-index.service.js";
import { imageFiles } from "../files.js";
import { progressBar } from "../progress.js";
import { openCli } from "./context.js";

export function indexCommand(program: Command): void {
  program
    .command("index")
    .argument("<paths...>", "image files or folders; each image's file name (without extension) becomes its product id")
    .requiredOption("--shop <name>")
    .description("add images to a shop's similar-items index")
    .action(async (paths: string[], o: { shop: string }) => {
      const files = imageFiles(paths);
      if (!files.length) throw new Error("no images found");
      const { shops } = await openCli();
      const shop = await shops.get(o.shop);
      const bar = progressBar(files.length, "indexing");
      const started = performance.now();
      const items = files.map((file) => ({ id: path.basename(file).replace(/\.[^.]+$/, ""), file, name: path.basename(file) }));
      const failures: string[] = [];
      const res = await indexFiles(shop, items, (it, err) => {
        bar.tick(err != null);
        if (err) failures.push(`${it.file}: ${err.message}`);
      });
      bar.stop();
      const total = shop.catalog.count();
      shops.closeAll();
      const secs = (performance.now() - started) / 1000;
      for (const f of failures) process.stderr.write(`failed ${f}\n`);
      process.stdout.write(
        `indexed ${res.indexed}, failed ${res.failed}, in ${secs.toFixed(1)} s (${(res.indexed / secs).toFixed(1)} images/s); shop "${o.shop}" now holds ${total} products\n`,
      );
    });
}
