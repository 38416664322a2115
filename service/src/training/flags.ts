import path from "node:path";
import { fileURLToPath } from "node:url";

/** `--name value` pairs of a training script's command line (these scripts take no bare flags). */
export function parseFlags(argv: string[] = process.argv.slice(2)): Record<string, string | undefined> {
  return Object.fromEntries(argv.map((a, i, all) => (a.startsWith("--") ? [a.slice(2), all[i + 1]] : [])).filter((x) => x.length));
}

/** The repository's root. */
export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * The shared datasets folder of a training, eval or bench command. A path given on the command line is
 * read from where the command was typed: npm runs workspace scripts in service/, and sets INIT_CWD to the
 * folder it was started from. Without one: `datasets/` in KALAS_SHARED_DIR, else `../shared/datasets`
 * beside the repository.
 */
export function datasetsDir(given: string | undefined): string {
  if (given) return path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
  return process.env.KALAS_SHARED_DIR ? path.resolve(process.env.KALAS_SHARED_DIR, "datasets") : path.resolve(repo, "../shared/datasets");
}
