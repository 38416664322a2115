import path from "node:path";

import type { Command } from "commander";

import { indexFiles } from "../../services/bulk-index.service.js";
import { checkProductId } from "../../services/catalog.service.js";
import { imageFiles } from "../files.js";
import { imageProblem } from "../image-error.js";
import { progressBar } from "../progress.js";
import { openCli } from "./context.js";

export function indexCommand(program: Command): void {
  program
    .command("index")
    .argument("<paths...>", "image files or folders; each image's file name (without extension) becomes its product id")
    .requiredOption("--shop <name>", "shop to add the products to (created if it does not exist)")
    .description("add images to a shop's similar-items index")
    .action(async (paths: string[], o: { shop: string }) => {
      const files = imageFiles(paths);
      if (!files.length) throw new Error("no images found");
      const { shops } = await openCli();
      const shop = await shops.get(o.shop);
      const bar = progressBar(files.length, "indexing");
      const started = performance.now();
      const failures: { file: string; reason: string }[] = [];
      const items = [];
      const firstWith = new Map<string, string>();
      for (const file of files) {
        const id = path.basename(file).replace(/\.[^.]+$/, "");
        // Two files with one name (a.jpg and a.png, or two folders' 1.jpg) would be one product,
        // the second silently replacing the first: the first keeps the id, the others fail.
        const first = firstWith.get(id);
        if (first) {
          failures.push({ file, reason: `product id "${id}" is already the name of ${first}; rename one of them` });
          bar.tick(true);
          continue;
        }
        // The same rule as the API, so an id made from a file name is one the shop can be asked about.
        try {
          items.push({ id: checkProductId(id), file, name: path.basename(file) });
          firstWith.set(id, file);
        } catch (e) {
          failures.push({ file, reason: `product id "${id}" from the file name: ${(e as Error).message}` });
          bar.tick(true);
        }
      }
      const res = await indexFiles(shop, items, (it, err) => {
        bar.tick(err != null);
        if (err) failures.push({ file: it.file, reason: imageProblem(err) });
      });
      bar.stop();
      const total = shop.catalog.count();
      shops.closeAll();
      const secs = (performance.now() - started) / 1000;
      for (const f of failures) process.stderr.write(`failed ${f.file}: ${f.reason}\n`);
      process.stdout.write(
        `indexed ${res.indexed}, failed ${failures.length}, in ${secs.toFixed(1)} s (${(res.indexed / secs).toFixed(1)} images/s); shop "${o.shop}" now holds ${total} products\n`,
      );
      if (!res.indexed && failures.length) process.exitCode = 1;
    });
}
