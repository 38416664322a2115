/**
 * Every environment variable the service reads is in the README's settings table, so an operator can
 * find every knob in one place.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(import.meta.dirname, "../src");
const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
// Read by the training, eval and bench commands, documented where those are (docs/model.md, README's figures).
const DEVELOPER_ONLY = new Set(["INIT_CWD", "KALAS_SHARED_DIR"]);

function variablesRead(dir: string): Set<string> {
  const found = new Set<string>();
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!["training", "quality", "bench", "testing"].includes(e.name)) for (const v of variablesRead(p)) found.add(v);
    } else if (e.name.endsWith(".ts") && !e.name.endsWith(".test.ts")) {
      const text = fs.readFileSync(p, "utf8");
      for (const m of text.matchAll(/(?:process\.env|\benv)\.([A-Z][A-Z0-9_]+)|envNumber\("([A-Z][A-Z0-9_]+)"/g)) {
        const name = m[1] ?? m[2];
        if (!DEVELOPER_ONLY.has(name)) found.add(name);
      }
    }
  }
  return found;
}

describe("settings", () => {
  it("finds the variables the service reads (the scan itself works)", () => {
    const read = variablesRead(src);
    for (const known of ["PORT", "DATA_DIR", "MAX_IMAGE_BYTES", "HNSW_EF"]) expect(read).toContain(known);
  });

  it("lists each of them in the README's settings table", () => {
    const table = readme.slice(readme.indexOf("Settings (environment"), readme.indexOf("## Performance"));
    const missing = [...variablesRead(src)].filter((v) => !table.includes(`\`${v}\``)).sort();
    expect(missing, "add these to the README's settings table").toEqual([]);
  });
});
