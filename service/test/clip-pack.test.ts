/** CLIP/SigLIP-style packs: zero-shot heads from a text encoder or precomputed text embeddings. */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";

import { loadModel } from "../src/model/load-model.js";
import { analyzeImage } from "../src/services/analyze.service.js";
import { configureModel, disposeModel } from "../src/services/model.service.js";
import { tempDir } from "./helpers.js";
import { writeTinyClipPack } from "./tiny-clip.js";

const root = tempDir("kalas-clip-");
afterAll(async () => {
  await disposeModel();
  fs.rmSync(root, { recursive: true, force: true });
});

const solid = (r: number, g: number, b: number) =>
  sharp({ create: { width: 64, height: 64, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();

describe("CLIP-style packs", () => {
  for (const precomputed of [false, true]) {
    it(`label images zero-shot with ${precomputed ? "precomputed text embeddings" : "the pack's text encoder and tokenizer"}`, async () => {
      const dir = path.join(root, precomputed ? "pre" : "enc");
      writeTinyClipPack(dir, { precomputed });
      configureModel(dir);
      const red = await analyzeImage(await solid(230, 10, 10));
      const blue = await analyzeImage(await solid(10, 10, 230));
      expect(red.annotation.color?.label).toBe("red");
      expect(red.annotation.color?.score).toBeGreaterThan(0.9);
      expect(blue.annotation.color?.label).toBe("blue");
      expect(red.annotation.colors[0].name).toBe("red");
      expect(red.annotation.model.name).toBe("tiny-clip");
      expect(red.vector).toHaveLength(8);
      await disposeModel();
    });
  }

  it("refuses a pack whose text head has no prompts, naming the problem", async () => {
    const dir = path.join(root, "broken");
    writeTinyClipPack(dir);
    const m = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    delete m.heads[0].prompts;
    fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(m));
    await expect(loadModel(dir)).rejects.toThrow(/text head "color" needs one prompt per label/);
  });

  it("refuses a pack with a missing encoder file", async () => {
    const dir = path.join(root, "missing");
    writeTinyClipPack(dir);
    fs.rmSync(path.join(dir, "image.onnx"));
    await expect(loadModel(dir)).rejects.toThrow(/file "image.onnx" named in manifest.json is missing/);
  });

  it("refuses an encoder whose input name does not match the manifest", async () => {
    const dir = path.join(root, "wrong-input");
    writeTinyClipPack(dir);
    const m = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    m.encoder.input = "images";
    fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(m));
    await expect(loadModel(dir)).rejects.toThrow(/manifest.json names "images"/);
  });

  it("refuses a corrupt ONNX file", async () => {
    const dir = path.join(root, "corrupt");
    writeTinyClipPack(dir);
    fs.writeFileSync(path.join(dir, "image.onnx"), "not onnx");
    await expect(loadModel(dir)).rejects.toThrow(/not a valid ONNX model/);
  });

  it("refuses an encoder that is not the file the manifest pins, also after a good one was checked", async () => {
    const dir = path.join(root, "pinned");
    writeTinyClipPack(dir);
    const m = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    m.encoder.sha256 = crypto
      .createHash("sha256")
      .update(fs.readFileSync(path.join(dir, "image.onnx")))
      .digest("hex");
    fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(m));
    await (await loadModel(dir)).dispose();
    // The remembered checksum must not outlive the file it was taken of.
    fs.writeFileSync(path.join(dir, "image.onnx"), "another encoder");
    await expect(loadModel(dir)).rejects.toThrow(/image.onnx does not match its sha256 in manifest.json/);
  });
});
