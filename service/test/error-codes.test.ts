/**
 * Every error the service can answer is in docs/api.md's error table, under the status it is sent with:
 * clients branch on these codes, so a new one must be documented before it ships.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(import.meta.dirname, "../src");
const apiDoc = path.resolve(import.meta.dirname, "../../docs/api.md");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "testing" ? [] : sourceFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

/** "status code" pairs the code can answer with, read from the source. */
function codesInSource(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(src)) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/new AppError\(\s*(\d{3}),\s*"([a-z_]+)"/g)) found.add(`${m[1]} ${m[2]}`);
    for (const m of text.matchAll(/notFound\(\s*"([a-z_]+)"/g)) found.add(`404 ${m[1]}`);
    // Answers written by hand (the readiness probe).
    for (const m of text.matchAll(/\.status\((\d{3})\)[\s\S]{0,200}?code: "([a-z_]+)"/g)) found.add(`${m[1]} ${m[2]}`);
    const union = /type WooCommerceErrorCode =([^;]+);/.exec(text);
    for (const m of union?.[1].matchAll(/"([a-z_]+)"/g) ?? []) found.add(`${m[1] === "woocommerce_not_found" ? 404 : 502} ${m[1]}`);
  }
  return found;
}

/** "status code" pairs in the error table of docs/api.md ("429 / 503" rows name both statuses). */
function codesInDocs(): Set<string> {
  const doc = fs.readFileSync(apiDoc, "utf8");
  const table = doc.slice(doc.indexOf("## Errors"), doc.indexOf("## Images"));
  const found = new Set<string>();
  for (const row of table.split("\n").filter((l) => /^\|\s*\d{3}/.test(l))) {
    const [statuses, codes] = row.split("|").slice(1, 3);
    for (const status of statuses.match(/\d{3}/g) ?? []) for (const m of codes.matchAll(/`([a-z_]+)`/g)) found.add(`${status} ${m[1]}`);
  }
  return found;
}

describe("error codes", () => {
  it("finds the service's errors in its source (the scan itself works)", () => {
    const codes = codesInSource();
    for (const known of [
      "400 not_an_image",
      "404 product_not_found",
      "502 woocommerce_failed",
      "503 model_unavailable",
      "409 product_stale",
    ])
      expect(codes).toContain(known);
  });

  it("documents every one of them in docs/api.md under its status", () => {
    const documented = codesInDocs();
    const missing = [...codesInSource()].filter((c) => !documented.has(c)).sort();
    expect(missing, "add these to the error table of docs/api.md").toEqual([]);
  });
});
