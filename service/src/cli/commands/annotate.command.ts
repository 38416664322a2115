import fs from "node:fs/promises";

import type { Command } from "commander";

import type { Annotation } from "../../openapi/answers.js";
import { analyzeImage } from "../../services/analyze.service.js";
import { oneOf } from "../checks.js";
import { toCsv } from "../csv.js";
import { imageFiles } from "../files.js";
import { imageProblem } from "../image-error.js";
import { progressBar } from "../progress.js";
import { openCli } from "./context.js";

export function annotateCommand(program: Command): void {
  program
    .command("annotate")
    .argument("<paths...>", "image files or folders")
    .option("--format <format>", "table, json or csv", "table")
    .description("annotate images: category, attributes and colours")
    .action(async (paths: string[], o: { format: string }) => {
      oneOf("--format", o.format, ["table", "json", "csv"]);
      const files = imageFiles(paths);
      if (!files.length) throw new Error("no images found (jpg, png, webp, gif, avif, tiff)");
      const { model } = await openCli();
      const bar = progressBar(files.length, "annotating");
      const results: { file: string; annotation?: Annotation; error?: string }[] = [];
      for (const file of files) {
        try {
          results.push({ file, annotation: (await analyzeImage(await fs.readFile(file))).annotation });
          bar.tick();
        } catch (e) {
          results.push({ file, error: imageProblem(e) });
          bar.tick(true);
        }
      }
      bar.stop();
      const groups = model.heads.map((h) => h.field).filter((f) => f !== "category" && f !== "color");
      if (o.format === "json") process.stdout.write(JSON.stringify(results, null, 2) + "\n");
      else if (o.format === "csv")
        process.stdout.write(
          toCsv(
            ["file", "category", "category_score", "colors", ...groups, "error"],
            results.map((r) => row(r, groups)),
          ),
        );
      else
        console.table(
          results.map((r) =>
            Object.fromEntries(["file", "category", "category_score", "colors", ...groups, "error"].map((h, i) => [h, row(r, groups)[i]])),
          ),
        );
      // As index does: the table may be piped away, so each failure is also said on stderr.
      for (const r of results) if (r.error) process.stderr.write(`failed ${r.file}: ${r.error}\n`);
      if (results.some((r) => r.error)) process.exitCode = 1;
    });
}

function row(r: { file: string; annotation?: Annotation; error?: string }, groups: string[]): (string | number)[] {
  const a = r.annotation;
  return [
    r.file,
    a?.category?.label ?? "",
    a?.category?.score ?? "",
    a?.colors.map((c) => c.name).join(";") ?? "",
    ...groups.map((g) => a?.attributes[g]?.label ?? ""),
    r.error ?? "",
  ];
}
