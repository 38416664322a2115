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
import { convertNsfwjsBackbone } from "./build-encoder.js";
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
      const bundle = loadNsfwjsBundle(model);
      const weightData = bundle.weightBytes.buffer.slice(
        bundle.weightBytes.byteOffset,
        bundle.weightBytes.byteOffset + bundle.weightBytes.byteLength,
      );
      const keras = await tf.loadLayersModel(
        tf.io.fromMemory({ modelTopology: bundle.topology, weightSpecs: bundle.weightSpecs as tf.io.WeightsManifestEntry[], weightData }),
      );
      const backbone = tf.model({
        inputs: keras.inputs,
        outputs: keras.getLayer(findFeatureLayer(bundle.layers)).output as tf.SymbolicTensor,
      });
      const size = bundle.inputShape[0];
      try {
        for (const name of photos) {
          const { model: grid } = await decodeForModel(photo(name), { size, fit: "pad", padColor: [255, 255, 255] });
          const reference = tf.tidy(() => {
            const x = tf.tensor4d(
              Float32Array.from(grid.data, (v) => v / 255),
              [1, size, size, 3],
            );
            return (backbone.predict(x) as tf.Tensor).mean([1, 2]).dataSync() as Float32Array;
          });
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
});

const sha = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");
