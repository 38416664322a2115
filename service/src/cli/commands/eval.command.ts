import fs from "node:fs";
import path from "node:path";

import type { Command } from "commander";

import { evaluate } from "../../services/evaluate.service.js";
import { existingFile, positiveInt } from "../checks.js";
import { parseCsv } from "../csv.js";
import { progressBar, type Progress } from "../progress.js";
import { openCli } from "./context.js";

export function evalCommand(program: Command): void {
  program
    .command("eval")
    .requiredOption("--manifest <file.csv>", "CSV with an image column, label columns and an optional split column (train/test)")
    .requiredOption("--fields <a,b,...>", "label columns to learn and score")
    .option("--group <column>", "column whose equal values count as 'similar' for retrieval precision@k")
    .option("--k <k>", "k for precision@k", "10")
    .description("learn the train rows as a catalogue, predict the test rows, print JSON scores")
    .action(async (o: { manifest: string; fields: string; group?: string; k: string }) => {
      if (!fs.existsSync(o.manifest)) throw new Error(`manifest ${o.manifest} not found`);
      const k = positiveInt("--k", o.k);
      const baseDir = path.dirname(path.resolve(o.manifest));
      // A row whose image is missing is not left out here: evaluate reports it in `failed`, as a broken image.
      const rows = parseCsv(fs.readFileSync(existingFile(o.manifest), "utf8"));
      const { model } = await openCli();
      const bars: Partial<Record<"train" | "test", Progress>> = {};
      const result = await evaluate({
        rows,
        baseDir,
        fields: o.fields
          .split(",")
          .map((f) => f.trim())
          .filter(Boolean),
        group: o.group,
        k,
        space: model.vectorSpace,
        onProgress(stage, done, total) {
          if (!bars[stage]) {
            if (stage === "test") bars.train?.stop();
            bars[stage] = progressBar(total, stage === "train" ? "learning " : "testing  ");
          }
          bars[stage]!.tick();
          if (done === total) bars[stage]!.stop();
        },
      });
      for (const f of result.failed)
        process.stderr.write(`failed ${f.image ? path.resolve(baseDir, f.image) : "(no image)"}: ${f.reason}\n`);
      process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    });
}
