/**
 * The `kalas-iris` command line: the service's jobs on files and folders.
 */
import fs from "node:fs";

import { Command } from "commander";

import { AppError } from "../errors.js";
import { annotateCommand } from "./commands/annotate.command.js";
import { evalCommand } from "./commands/eval.command.js";
import { feedbackCommand } from "./commands/feedback.command.js";
import { indexCommand } from "./commands/index.command.js";
import { keysCommand } from "./commands/keys.command.js";
import { learnCommand } from "./commands/learn.command.js";
import { modelCommand } from "./commands/model.command.js";
import { reindexCommand } from "./commands/reindex.command.js";
import { serveCommand } from "./commands/serve.command.js";
import { shopCommand } from "./commands/shop.command.js";
import { similarCommand } from "./commands/similar.command.js";

const program = new Command("kalas-iris")
  .description("Annotate clothing photos and find visually similar products.")
  .option("--pack <name-or-path>", "model pack (default: MODEL_PACK or kalas-fashion-mnv2)")
  .option("--data-dir <dir>", "data folder (default: DATA_DIR or ./data)")
  .showHelpAfterError();

for (const add of [
  serveCommand,
  keysCommand,
  annotateCommand,
  indexCommand,
  reindexCommand,
  similarCommand,
  evalCommand,
  learnCommand,
  feedbackCommand,
  modelCommand,
  shopCommand,
])
  add(program);

program.hook("preAction", (cmd) => {
  const o = cmd.opts<{ pack?: string; dataDir?: string }>();
  if (o.pack) process.env.MODEL_PACK = o.pack;
  if (o.dataDir) {
    // Every command would otherwise fail later with a raw ENOTDIR from deep inside SQLite or mkdir.
    if (fs.statSync(o.dataDir, { throwIfNoEntry: false })?.isFile()) throw new Error(`--data-dir ${o.dataDir} is a file, not a folder`);
    process.env.DATA_DIR = o.dataDir;
  }
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // A person reads this: one sentence, no stack trace (set LOG_LEVEL=debug for one).
  const msg = e instanceof AppError || e instanceof Error ? e.message : String(e);
  process.stderr.write(`kalas-iris: ${msg}\n`);
  if (process.env.LOG_LEVEL === "debug") console.error(e);
  process.exitCode = 1;
}
