/**
 * The ONNX conversion of the nsfwjs backbones: deterministic, and faithful to the original
 * TF.js model on real photos (cosine > 0.999), checked against TF.js's own implementation.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import * as tf from "@tensorflow/tfjs";
import { afterAll, describe, expect, it } from "vitest";

import { photo } from "../../test/helpers.js";
import { dot, l2normalize } from "../model/features.js";
import { toEncoderTensor } from "../model/pixels.js";
import { decodeForModel } from "../repositories/image.repository.js";
import { openOnnxModel } from "../repositories/onnx.repository.js";
import { convertNsfwjsBackbone, ensureEncoder } from "./build-encoder.js";
import { readManifest } from "../pack/pack.repository.js";
import { applyBackboneTail, readBackboneTail } from "./backbone-tail.js";
import { findFeatureLayer } from "./keras-to-onnx.js";
import { loadNsfwjsBundle, type NsfwjsModelName } from "./tfjs-bundle.repository.js";

const PHOTOS = ["fp-10365.jpg", "cc0-dress.jpg", "cc0-pants.jpg", "fp-15970.jpg"];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-convert-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("nsfwjs → ONNX conversion", () => {
  it("is deterministic", () => {
    const a = convertNsfwjsBackbone("mobilenet_v2").onnx;
    const b = convertNsfwjsBackbone("mobilenet_v2").onnx;
    expect(sha(a)).toBe(sha(b));
  });

  // TF.js runs on its slow pure-JS CPU backend here, so InceptionV3 is checked on one photo.
  for (const [model, photos] of [
    ["mobilenet_v2", PHOTOS],
    ["inception_v3", PHOTOS.slice(0, 1)],
  ] as [NsfwjsModelName, string[]][]) {
    it(`${model} matches TF.js on real photos (cosine > 0.999)`, async () => {
      const converted = convertNsfwjsBackbone(model);
      const file = path.join(tmp, `${model}.onnx`);
      fs.writeFileSync(file, converted.onnx);
      const onnx = await openOnnxModel(file);
      const { keras, backbone, size } = await loadKerasBackbone(model);
      try {
        for (const name of photos) {
          const { model: grid } = await decodeForModel(photo(name), { size, fit: "pad", padColor: [255, 255, 255] });
          const reference = kerasEmbedding(backbone, grid.data, size);
          const out = await onnx.run({ pixels: toEncoderTensor([grid], [0, 0, 0], [1, 1, 1]) });
          const cosine = dot(l2normalize(Float32Array.from(out.embedding.data)), l2normalize(Float32Array.from(reference)));
          expect(cosine, `${model} on ${name}`).toBeGreaterThan(0.999);
        }
      } finally {
        keras.dispose();
        await onnx.dispose();
      }
    }, 240_000);
  }

  it("swaps the pack's fine-tuned tail in faithfully (matches TF.js with the same weights set)", async () => {
    const pack = path.resolve(import.meta.dirname, "../../packs/kalas-fashion-mnv2");
    const tail = readBackboneTail(pack, readManifest(pack).build!.tail!);
    const file = path.join(tmp, "tuned.onnx");
    fs.writeFileSync(file, convertNsfwjsBackbone("mobilenet_v2", { tail }).onnx);
    const onnx = await openOnnxModel(file);
    const { keras, backbone, size } = await loadKerasBackbone("mobilenet_v2");
    const stock = await loadKerasBackbone("mobilenet_v2");
    for (const layerName of new Set([...tail.keys()].map((n) => n.split("/")[0]))) {
      const layer = keras.getLayer(layerName);
      layer.setWeights(layer.weights.map((w) => tf.tensor(tail.get(w.originalName)!.data, tail.get(w.originalName)!.shape)));
    }
    try {
      const { model: grid } = await decodeForModel(photo("cc0-dress.jpg"), { size, fit: "pad", padColor: [255, 255, 255] });
      const tuned = await onnx.run({ pixels: toEncoderTensor([grid], [0, 0, 0], [1, 1, 1]) });
      const ours = l2normalize(Float32Array.from(tuned.embedding.data));
      expect(dot(ours, l2normalize(kerasEmbedding(backbone, grid.data, size)))).toBeGreaterThan(0.999);
      // And the tail really changes the embedding: the same photo through the stock weights differs.
      expect(dot(ours, l2normalize(kerasEmbedding(stock.backbone, grid.data, size)))).toBeLessThan(0.99);
    } finally {
      keras.dispose();
      stock.keras.dispose();
      await onnx.dispose();
    }
  }, 240_000);

  it("rebuilds an installed encoder that is not the one the manifest pins (a pack updated in place)", async () => {
    const pack = path.join(tmp, "pack");
    fs.cpSync(path.resolve(import.meta.dirname, "../../packs/kalas-fashion-mnv2"), pack, { recursive: true });
    fs.writeFileSync(path.join(pack, "encoder.onnx"), "an encoder from before the pack was retrained");
    expect(await ensureEncoder(pack)).toBe(true);
    expect(sha(fs.readFileSync(path.join(pack, "encoder.onnx")))).toBe(readManifest(pack).encoder.sha256);
    expect(await ensureEncoder(pack)).toBe(false);
  });

  it("rejects a tail tensor the backbone does not have, or of another shape", () => {
    const weights = new Map([["Conv_1/kernel", { shape: [1, 1, 320, 1280], data: new Float32Array(320 * 1280) }]]);
    expect(() => applyBackboneTail(weights, new Map([["Conv_9/kernel", { shape: [1], data: new Float32Array(1) }]]))).toThrow(
      /Conv_9\/kernel is not a weight of the backbone/,
    );
    expect(() =>
      applyBackboneTail(weights, new Map([["Conv_1/kernel", { shape: [1, 1, 32, 1280], data: new Float32Array(32 * 1280) }]])),
    ).toThrow(/shape 1x1x32x1280, the backbone's is 1x1x320x1280/);
  });
});

async function loadKerasBackbone(model: NsfwjsModelName) {
  const bundle = loadNsfwjsBundle(model);
  const weightData = bundle.weightBytes.buffer.slice(
    bundle.weightBytes.byteOffset,
    bundle.weightBytes.byteOffset + bundle.weightBytes.byteLength,
  );
  const keras = await tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: bundle.topology, weightSpecs: bundle.weightSpecs as tf.io.WeightsManifestEntry[], weightData }),
  );
  const backbone = tf.model({ inputs: keras.inputs, outputs: keras.getLayer(findFeatureLayer(bundle.layers)).output as tf.SymbolicTensor });
  return { keras, backbone, size: bundle.inputShape[0] };
}

/** TF.js's own embedding of RGB bytes: the reference the ONNX encoder is held to. */
function kerasEmbedding(backbone: tf.LayersModel, rgb: Uint8Array, size: number): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(
      Float32Array.from(rgb, (v) => v / 255),
      [1, size, size, 3],
    );
    return Float32Array.from((backbone.predict(x) as tf.Tensor).mean([1, 2]).dataSync());
  });
}

const sha = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");
