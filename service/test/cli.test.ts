/** The `kalas-iris` command line, as scripts use it: output contracts and quiet pipes. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { parseCsv } from "../src/cli/csv.js";
import { KeysRepository } from "../src/repositories/keys.repository.js";
import { PHOTOS, photosCsv, tempDir } from "./helpers.js";

const CLI = path.resolve(__dirname, "../bin/kalas-iris.js");
const dataDir = tempDir("kalas-cli-");
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: "utf8" });

describe("kalas-iris CLI", () => {
  it("keys create prints the key as the last line", () => {
    const r = cli("keys", "create", "--shop", "cli-shop");
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^kis_[\w-]{20,}$/);
  });

  it("keys rotate revokes the old key and prints a new one", () => {
    const old = cli("keys", "create", "--shop", "rotating").stdout.trim().split("\n").at(-1)!;
    const r = cli("keys", "rotate", "--shop", "rotating");
    expect(r.status).toBe(0);
    const fresh = r.stdout.trim().split("\n").at(-1)!;
    const keys = new KeysRepository(dataDir);
    try {
      expect(keys.shopFor(old)).toBeNull();
      expect(keys.shopFor(fresh)).toBe("rotating");
    } finally {
      keys.close();
    }
  });

  it("annotate --format csv gives one row per image with the documented columns, and no progress bar when piped", () => {
    const r = cli("annotate", PHOTOS, "--format", "csv");
    expect(r.status).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows).toHaveLength(photosCsv().length);
    expect(Object.keys(rows[0]).slice(0, 4)).toEqual(["file", "category", "category_score", "colors"]);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(["gender", "usage", "pattern", "sleeve"]));
    expect(rows.every((row) => row.category && Number(row.category_score) > 0 && row.colors)).toBe(true);
    expect(r.stderr).not.toMatch(/█|░|eta/);
  });

  it("annotate reports a broken file and exits non-zero", () => {
    const bad = path.join(dataDir, "broken.jpg");
    fs.writeFileSync(bad, "not a jpeg");
    const r = cli("annotate", bad, "--format", "json");
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)[0].error).toMatch(/not an image/);
  });

  it("eval prints per-field accuracy, macro-F1 and retrieval precision@k as JSON", () => {
    const manifest = path.join(dataDir, "manifest.csv");
    const rows = photosCsv().filter((p) => p.source === "fashion-products-224");
    // Two copies of each photo: the train copy teaches, the test copy is predicted.
    const lines = ["image,type,split"];
    for (const p of rows) {
      lines.push(
        `${path.join(PHOTOS, p.file)},${p.type},train`,
        `${path.join(PHOTOS, p.file)},${p.type},train`,
        `${path.join(PHOTOS, p.file)},${p.type},test`,
      );
    }
    fs.writeFileSync(manifest, lines.join("\n") + "\n");
    const r = cli("eval", "--manifest", manifest, "--fields", "type", "--group", "type", "--k", "3");
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.fields.type).toMatchObject({ accuracy: expect.any(Number), macro_f1: expect.any(Number), n: rows.length });
    expect(out.fields.type.accuracy).toBeGreaterThan(0.5);
    expect(out.retrieval).toMatchObject({ precision_at_k: expect.any(Number), hit_at_k: expect.any(Number) });
    expect(out.retrieval.hit_at_k).toBe(1);
  });

  it("learn --labels sets the shop's own labels from a CSV, says which ids it did not know, and learns them", () => {
    const folder = path.join(dataDir, "learn-photos");
    fs.mkdirSync(folder);
    const rows = photosCsv().filter((p) => ["Tshirts", "Jeans", "Dresses"].includes(p.type));
    for (const p of rows) fs.copyFileSync(path.join(PHOTOS, p.file), path.join(folder, p.file));
    expect(cli("index", folder, "--shop", "cli-learn").status).toBe(0);
    const labels = path.join(dataDir, "labels.csv");
    const own = { Tshirts: "Tees & Tanks", Jeans: "Denim", Dresses: "" }; // dresses have no label of their own
    const lines = [
      "id,category",
      ...rows.map((p) => `${p.file.replace(".jpg", "")},"${own[p.type as keyof typeof own]}"`),
      "never-indexed,Denim",
    ];
    fs.writeFileSync(labels, lines.join("\n") + "\n");

    const r = cli("learn", "--shop", "cli-learn", "--labels", labels);
    expect(r.status, r.stderr).toBe(0);
    const labelled = rows.filter((p) => own[p.type as keyof typeof own] !== "").length;
    expect(r.stderr).toContain(`labels set for ${rows.length} products; not in the index: 1 (never-indexed)`);
    expect(JSON.parse(r.stdout).fields.category).toMatchObject({ labels: 2, examples: labelled });

    const missing = cli("learn", "--shop", "cli-learn", "--labels", "/nope.csv");
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe("kalas-iris: labels file /nope.csv not found");
  });

  it("says what is wrong, in one line, for a missing manifest", () => {
    const r = cli("eval", "--manifest", "/nope.csv", "--fields", "a");
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe("kalas-iris: manifest /nope.csv not found");
  });
});
