import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { VectorIndex } from "./index.repository.js";

const DIM = 16;
/** Seeded unit vectors around a centre, so every search has many close neighbours. */
function vectors(n: number, seed: number): Float32Array[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, () => {
    const v = Float32Array.from({ length: DIM }, (_, i) => (i === 0 ? 1 : 0) + (rnd() - 0.5) * 0.4);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

describe("VectorIndex", () => {
  it("updates a product in place while removed products leave free slots: no second live copy", () => {
    const index = VectorIndex.create("/nonexistent", { dim: DIM, model: "test" });
    const vs = vectors(60, 3);
    for (let l = 0; l < 50; l++) index.put(l, vs[l]);
    for (let l = 0; l < 40; l++) index.remove(l); // free slots, as after a bulk delete
    for (let l = 40; l < 50; l++) index.put(l, vs[l]); // re-annotated products
    const labels = index.search(vs[45], 50).map((h) => h.label);
    expect(labels.filter((l) => l >= 40).sort((a, b) => a - b)).toEqual([40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    expect(new Set(labels).size).toBe(labels.length);
    // Removed, a re-annotated product is gone for good, and a removed one can come back.
    index.remove(45);
    index.put(3, vs[3]);
    const after = index.search(vs[45], 50).map((h) => h.label);
    expect(after).not.toContain(45);
    expect(after).toContain(3);
    expect(new Set(after).size).toBe(after.length);
  });

  it("does not open an index saved before that fix: it is rebuilt from the database", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-index-"));
    const space = { dim: DIM, model: "test" };
    const index = VectorIndex.create(dir, space);
    vectors(5, 9).forEach((v, l) => index.put(l, v));
    index.save(5);
    expect(VectorIndex.load(dir, space)?.seq).toBe(5);
    const stateFile = path.join(dir, "index.json");
    const { format: _format, ...older } = JSON.parse(fs.readFileSync(stateFile, "utf8")) as Record<string, unknown>;
    fs.writeFileSync(stateFile, JSON.stringify(older));
    expect(VectorIndex.load(dir, space)).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("finds every live product after the e2e flows' history of additions and removals", () => {
    // Search vectors of e2e labels 0-209 as a clean-clone run left them (test/photos/README.md): labels
    // 0-3 are the same red dress photo (flows 2-4), 204-209 are flow 6's products. With hnswlib's
    // "replace deleted" mode, 205 (that photo again) was unreachable from 204.
    const bytes = fs.readFileSync(path.join(import.meta.dirname, "../../test/photos/flow6-index-replay.f32"));
    const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const dim = 256;
    const v = (l: number) => all.subarray(l * dim, (l + 1) * dim);
    const index = VectorIndex.create("/nonexistent", { dim, model: "test" });
    for (let l = 0; l < 204; l++) index.put(l, v(l));
    for (let l = 0; l < 204; l++) index.remove(l);
    for (let l = 204; l < 210; l++) index.put(l, v(l));
    const found = index.search(v(204), 100, (l) => l !== 204).map((h) => h.label);
    expect(found.sort((a, b) => a - b)).toEqual([205, 206, 207, 208, 209]);
  });
});
