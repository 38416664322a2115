/** Learned heads on disk: a save cut short at any step leaves a head that loads, old or new. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { LearnedHeadsRepository, type LearnedHeadMeta } from "./learned-heads.repository.js";

let dir: string;
let repo: LearnedHeadsRepository;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-heads-"));
  repo = new LearnedHeadsRepository(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const meta = (labels: string[], dim = 2): LearnedHeadMeta => ({
  field: "category",
  labels,
  dim,
  temperature: 1.5,
  examples: 10,
  trained_at: "2026-11-28T00:00:00.000Z",
  holdout_accuracy: 0.9,
});
const weightsOf = (n: number, dim: number, v: number) => new Float32Array(n * dim).fill(v);
const binaries = () => fs.readdirSync(dir).filter((n) => n.endsWith(".bin"));

describe("learned heads on disk", () => {
  it("loads what it saved, and keeps one weights file per field", () => {
    expect(repo.any()).toBe(false);
    repo.save(meta(["A", "B"]), weightsOf(2, 2, 1), Float32Array.of(0.1, 0.2));
    repo.save(meta(["A", "B", "C"]), weightsOf(3, 2, 2), Float32Array.of(0.3, 0.4, 0.5));
    const head = repo.load("category")!;
    expect(head.meta.labels).toEqual(["A", "B", "C"]);
    expect([...head.weights]).toEqual([2, 2, 2, 2, 2, 2]);
    expect([...head.bias].map((b) => Math.round(b * 10) / 10)).toEqual([0.3, 0.4, 0.5]);
    expect(binaries()).toHaveLength(1);
    expect(repo.list().map((m) => [m.field, m.holdout_accuracy])).toEqual([["category", 0.9]]);
  });

  it("still loads the old head when a save stopped after writing its weights, and tidies up once the leftovers are old", () => {
    repo.save(meta(["A", "B"]), weightsOf(2, 2, 1), Float32Array.of(0, 0));
    // What a stop leaves after the new weights were written but before the switch: new-size weights
    // that the current description does not name (the old format overwrote <field>.bin here).
    const left = ["category.0000deadbeef.bin", "category.0000deadbeef.json.tmp"];
    fs.writeFileSync(path.join(dir, left[0]), Buffer.alloc((3 * 2 + 3) * 4));
    fs.writeFileSync(path.join(dir, left[1]), "{");
    expect(repo.load("category")!.meta.labels).toEqual(["A", "B"]);
    expect(repo.list()).toHaveLength(1);
    // A young one may be another process's save in progress: it stays.
    repo.save(meta(["A", "B", "C"]), weightsOf(3, 2, 2), Float32Array.of(0, 0, 0));
    expect(repo.load("category")!.meta.labels).toEqual(["A", "B", "C"]);
    expect(left.every((n) => fs.existsSync(path.join(dir, n)))).toBe(true);
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const n of left) fs.utimesSync(path.join(dir, n), hourAgo, hourAgo);
    repo.save(meta(["A", "B", "C"]), weightsOf(3, 2, 3), Float32Array.of(0, 0, 0));
    expect(left.some((n) => fs.existsSync(path.join(dir, n)))).toBe(false);
    expect(binaries()).toHaveLength(1);
  });

  it("saving a field leaves the files of a field whose name starts with it (size, size.eu)", () => {
    const sized = (field: string) => ({ ...meta(["A", "B"]), field });
    repo.save(sized("size.eu"), weightsOf(2, 2, 1), Float32Array.of(0, 0));
    repo.save(sized("size"), weightsOf(2, 2, 2), Float32Array.of(0, 0));
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const n of binaries()) fs.utimesSync(path.join(dir, n), hourAgo, hourAgo);
    repo.save(sized("size"), weightsOf(2, 2, 3), Float32Array.of(0, 0));
    expect([...repo.load("size.eu")!.weights]).toEqual([1, 1, 1, 1]);
    expect([...repo.load("size")!.weights]).toEqual([3, 3, 3, 3]);
    expect(binaries()).toHaveLength(2);
  });

  it("leaves out only the field whose description cannot be read", () => {
    repo.save(meta(["A", "B"]), weightsOf(2, 2, 1), Float32Array.of(0, 0));
    fs.writeFileSync(path.join(dir, "pattern.json"), "{");
    const { heads, damaged } = repo.loadAll();
    expect(heads.map((h) => h.meta.field)).toEqual(["category"]);
    expect(damaged).toEqual([{ file: "pattern.json", error: 'The learned head for "pattern" is damaged; run learning again.' }]);
    expect(repo.list().map((m) => m.field)).toEqual(["category"]);
    expect(repo.fields()).toEqual(["category", "pattern"]);
  });

  it("forgets a field", () => {
    repo.save(meta(["A", "B"]), weightsOf(2, 2, 1), Float32Array.of(0, 0));
    repo.remove("category");
    expect([repo.any(), repo.load("category"), binaries()]).toEqual([false, null, []]);
  });

  it("reads heads saved before weights files had versions", () => {
    fs.writeFileSync(path.join(dir, "category.json"), JSON.stringify(meta(["A", "B"])));
    fs.writeFileSync(path.join(dir, "category.bin"), Buffer.from(Float32Array.of(1, 2, 3, 4, 5, 6).buffer));
    const head = repo.load("category")!;
    expect([...head.weights, ...head.bias]).toEqual([1, 2, 3, 4, 5, 6]);
    repo.save(meta(["A", "B"]), weightsOf(2, 2, 7), Float32Array.of(0, 0));
    expect(binaries()).toHaveLength(1);
  });

  it("says a head is damaged, with the field, when its weights are missing or the wrong size", () => {
    repo.save(meta(["A", "B"]), weightsOf(2, 2, 1), Float32Array.of(0, 0));
    const [bin] = binaries();
    fs.writeFileSync(path.join(dir, bin), Buffer.alloc(5));
    const damaged = {
      status: 500,
      code: "invalid_learned_head",
      message: 'The learned head for "category" is damaged; run learning again.',
    };
    expect(() => repo.load("category")).toThrow(expect.objectContaining(damaged));
    fs.rmSync(path.join(dir, bin));
    expect(() => repo.load("category")).toThrow(expect.objectContaining(damaged));
  });
});
