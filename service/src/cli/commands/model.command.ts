import type { Command } from "commander";

import { ensureEncoder } from "../../model-build/build-encoder.js";
import { downloadPack } from "../../model-build/download-pack.js";
import { BUILTIN_PACKS_DIR, listPacks, readManifest, resolvePackDir } from "../../pack/pack.repository.js";

export function modelCommand(program: Command): void {
  const model = program.command("model").description("build, list and download model packs");
  model
    .command("build")
    .option("--if-missing", "only build encoders that are not there yet (install time)")
    .option("--only <pack>", "build one pack")
    .option("--record-sha", "training only: store the built encoder's sha256 in manifest.json instead of checking it")
    .description("build the encoders of the built-in packs from the weights inside nsfwjs (offline)")
    .action(async (o: { ifMissing?: boolean; only?: string; recordSha?: boolean }) => {
      const names = o.only ? [o.only] : listPacks();
      for (const name of names) {
        const dir = resolvePackDir(name);
        const started = performance.now();
        const built = await ensureEncoder(dir, !o.ifMissing, o.recordSha);
        const what = built ? `built in ${((performance.now() - started) / 1000).toFixed(1)} s` : "already built";
        process.stdout.write(`${name}: encoder ${what}\n`);
      }
    });
  model
    .command("list")
    .description("list known packs")
    .action(() => {
      for (const name of listPacks(process.env.PACKS_DIR ? [process.env.PACKS_DIR] : [])) {
        const m = readManifest(resolvePackDir(name, process.env.PACKS_DIR ? [process.env.PACKS_DIR] : []));
        process.stdout.write(`${name}\t${m.version}\t${m.embeddingDim}-d\t${m.heads.map((h) => h.field).join(",") || "search only"}\n`);
      }
    });
  model
    .command("download")
    .argument("<url>", "base URL of a pack folder (it must hold manifest.json), e.g. a Hugging Face repo's resolve/main/ URL")
    .requiredOption("--name <name>", "folder name for the pack")
    .option("--to <dir>", "packs folder", process.env.PACKS_DIR ?? BUILTIN_PACKS_DIR)
    .description("download a pack (needs network access)")
    .action(async (url: string, o: { name: string; to: string }) => {
      const dir = await downloadPack(url, o.name, o.to, (file, bytes) =>
        process.stderr.write(`fetched ${file} (${(bytes / 1e6).toFixed(1)} MB)\n`),
      );
      process.stdout.write(`pack ready at ${dir}; use it with MODEL_PACK=${o.name}\n`);
    });
}
