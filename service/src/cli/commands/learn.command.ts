import type { Command } from "commander";

import { learnShop } from "../../services/learn.service.js";
import { openCli } from "./context.js";

export function learnCommand(program: Command): void {
  program
    .command("learn")
    .requiredOption("--shop <name>")
    .description("learn the shop's own labels from its labelled products and corrections")
    .action(async (o: { shop: string }) => {
      const { shops } = await openCli();
      const report = await learnShop(await shops.get(o.shop));
      shops.closeAll();
      process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    });
}
