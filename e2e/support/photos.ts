import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { REPO_ROOT } from "./stack-env.js";

/** A row of shared/datasets/fashion-products-224/labels.csv. */
export interface PhotoRow {
  id: string;
  gender: string;
  articleType: string;
  baseColour: string;
  usage: string;
  productDisplayName: string;
  file: string;
}

export function datasetDir(): string {
  const shared = process.env.KALAS_SHARED_DIR ?? resolve(REPO_ROOT, "../shared");
  return join(shared, "datasets", "fashion-products-224");
}

/** Why the photo flows cannot run, or undefined when the dataset is there. */
export function photosMissing(): string | undefined {
  const dir = datasetDir();
  return existsSync(join(dir, "labels.csv"))
    ? undefined
    : `the product photos are missing (${dir}); set KALAS_SHARED_DIR to the folder holding datasets/`;
}

// labels.csv quotes fields that contain commas; this reads that dialect only.
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

let cache: PhotoRow[] | undefined;

/** Every labelled photo of the dataset. */
export function allPhotos(): PhotoRow[] {
  if (cache) return cache;
  const dir = datasetDir();
  const [header, ...lines] = readFileSync(join(dir, "labels.csv"), "utf8").trim().split("\n");
  const cols = splitCsvLine(header!);
  cache = lines.map((line) => {
    const cells = splitCsvLine(line);
    const row = Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? ""])) as Record<string, string>;
    return { ...(row as unknown as PhotoRow), file: join(dir, "images", `${row.id}.jpg`) };
  });
  return cache;
}

/**
 * Photos whose labels match, in dataset order (deterministic, so failures are reproducible).
 * `named` also filters on the display name: some rows carry a broad article type (a kids'
 * "Saloppette Set" is filed under Dresses), and the flows want what a shopper would call one.
 */
export function photos(
  filter: Partial<Pick<PhotoRow, "articleType" | "baseColour" | "gender">>,
  count: number,
  skip = 0,
  named?: RegExp,
): PhotoRow[] {
  const hits = allPhotos().filter(
    (r) =>
      Object.entries(filter).every(([k, v]) => r[k as keyof PhotoRow].toLowerCase() === String(v).toLowerCase()) &&
      (!named || named.test(r.productDisplayName)),
  );
  if (hits.length < skip + count) throw new Error(`only ${hits.length} photos match ${JSON.stringify(filter)}, need ${skip + count}`);
  return hits.slice(skip, skip + count);
}
