import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** One recorded WooCommerce REST exchange, in the format of shared/woocommerce/INDEX.md. */
export interface Exchange {
  /** File name without `.json`, e.g. `046-write-put-tags-merged`. */
  name: string;
  request: {
    method: string;
    path: string;
    query: Record<string, string>;
    headers?: Record<string, string>;
    body: unknown;
  };
  response: {
    status: number;
    headers: Record<string, string>;
    body: unknown;
  };
}

const here = dirname(fileURLToPath(import.meta.url));

/** Folder with the copies of the few recordings the contract tests need; always present. */
export const LOCAL_FIXTURES = join(here, "fixtures");

/**
 * shared/woocommerce/, from env KALAS_SHARED_DIR or `../shared` beside the repository root.
 * Undefined when it is missing (for example in a fresh clone without shared/).
 */
export function sharedRecordingsDir(): string | undefined {
  const repoRoot = resolve(here, "../../../..");
  const shared = process.env.KALAS_SHARED_DIR ?? resolve(repoRoot, "../shared");
  const dir = join(shared, "woocommerce");
  return existsSync(join(dir, "INDEX.md")) ? dir : undefined;
}

/** Reads one exchange by its number prefix (`"046"`) or full name from `dir`. */
export function loadExchange(id: string, dir: string = LOCAL_FIXTURES): Exchange {
  const file = readdirSync(dir).find((f) => f.endsWith(".json") && (f === `${id}.json` || f.startsWith(`${id}-`)));
  if (!file) throw new Error(`No recorded exchange ${id} in ${dir}`);
  const parsed = JSON.parse(readFileSync(join(dir, file), "utf8")) as Omit<Exchange, "name">;
  return { name: file.replace(/\.json$/, ""), ...parsed };
}

/** Every exchange in `dir`, in recording order. */
export function loadAllExchanges(dir: string): Exchange[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.*\.json$/.test(f))
    .sort()
    .map((f) => loadExchange(f.replace(/\.json$/, ""), dir));
}
