/** The default pack's test-time augmentation: a photo's features are the average of it and its mirror image. */
import fs from "node:fs";
import path from "node:path";

import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";

import { dot, prepareFeatures, prepareViews } from "../src/model/features.js";
import { loadModel } from "../src/model/load-model.js";
import { resolvePackDir } from "../src/pack/pack.repository.js";
import { analyzeImage } from "../src/services/analyze.service.js";
import { configureModel } from "../src/services/model.service.js";
import { photo, tempDir } from "./helpers.js";

const dir = tempDir("kalas-mirror-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const rand = (seed: number) => Float32Array.from({ length: 64 }, (_, i) => Math.abs(Math.sin(seed * 13 + i * 1.7)));

describe("mirror views", () => {
  it("one view is the plain transform, and the order of views does not matter", () => {
    const mean = rand(9).map((v) => v / 20);
    const t = { sqrt: true, mean };
    expect([...prepareViews([rand(1)], t)]).toEqual([...prepareFeatures(rand(1), t)]);
    const ab = prepareViews([rand(1), rand(2)], t);
    expect(dot(ab, prepareViews([rand(2), rand(1)], t))).toBeCloseTo(1, 6);
    expect(dot(ab, prepareFeatures(rand(1), t))).toBeLessThan(0.999);
  });

  it("the default pack annotates a photo and its mirror image alike", async () => {
    configureModel("kalas-fashion-mnv2");
    // PNG, so the flipped photo differs from the original only by the flip.
    const png = await sharp(photo("cc0-dress.jpg")).png().toBuffer();
    const flopped = await sharp(photo("cc0-dress.jpg")).flop().png().toBuffer();
    const [a, b] = [await analyzeImage(png), await analyzeImage(flopped)];
    expect(dot(a.vector, b.vector)).toBeGreaterThan(0.999);
    expect(b.annotation.category?.label).toBe(a.annotation.category?.label);
    expect(b.annotation.category?.score).toBeCloseTo(a.annotation.category!.score, 3);
  });

  it("is part of the model fingerprint: turning it off makes another vector space", async () => {
    const pack = resolvePackDir("kalas-fashion-mnv2");
    const copy = path.join(dir, "pack");
    fs.cpSync(pack, copy, { recursive: true });
    const manifestFile = path.join(copy, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    expect(manifest.features.mirror).toBe(true);
    manifest.features.mirror = false;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const [on, off] = [await loadModel(pack, { heads: false }), await loadModel(copy, { heads: false })];
    expect(off.vectorSpace.dim).toBe(on.vectorSpace.dim);
    expect(off.vectorSpace.model).not.toBe(on.vectorSpace.model);
    await Promise.all([on.dispose(), off.dispose()]);
  });
});
