/**
 * First step of fine-tuning the backbone's tail (training only, not part of CI):
 *
 *   npm run train:tail-inputs -w service -- --datasets ../shared/datasets
 *
 * Runs the stock backbone (no tail swapped in) up to the tail's input (`--from`, default `block_9_add`,
 * 64x14x14 for MobileNetV2), for every dataset photo, its mirror image, a seeded zoomed crop and its
 * mirror (`--views 2` keeps only the first two), through the runtime's own
 * preprocessing, and writes them with the labels and the split to `.cache/tail/`. The Python/torch
 * trainer (service/training-torch/) then fits only the tail and linear heads on that cache, which
 * takes minutes on two CPU cores instead of hours for the whole network. `--meta-only` rewrites only
 * the labels and roles of an existing cache.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { progressBar } from "../cli/progress.js";
import { mirror, toEncoderTensor } from "../model/pixels.js";
import { writeBackboneTail } from "../model-build/backbone-tail.js";
import { convertNsfwjsBackbone } from "../model-build/build-encoder.js";
import { dequantizeWeights } from "../model-build/dequantize.js";
import { findFeatureLayer } from "../model-build/keras-to-onnx.js";
import { loadNsfwjsBundle, type NsfwjsModelName } from "../model-build/tfjs-bundle.repository.js";
import type { PackManifest } from "../pack/manifest.js";
import { readManifest, resolvePackDir } from "../pack/pack.repository.js";
import { decodeForModel } from "../repositories/image.repository.js";
import { openOnnxModel } from "../repositories/onnx.repository.js";
import { loadDatasets, type Example } from "./datasets.js";
import { zoomCrop } from "./augment.js";
import { datasetsDir, parseFlags } from "./flags.js";
import { splitExamples, trainingRoles } from "./splits.js";

/**
 * The fine-tune may change every layer after this one (`--from` picks another). After block_9_add come
 * the 96-channel blocks of the 14×14 stage and the whole 7×7 stage: 2.0 M of the network's 2.3 M weights.
 * Runs and the choice of views: service/training-torch/README.md.
 */
const DEFAULT_TAIL_INPUT = "block_9_add";
const FIELDS = ["category", "gender", "usage", "pattern", "sleeve", "color"] as const;
/**
 * Besides the taxonomy's fields, the tail also learns each dataset's own garment label (fashion-products
 * article type, clothing-cc0 label): the taxonomy merges some of them (casual and sports shoes, kurtas and
 * kurtis, sandals and flip-flops), and a shop's own labels can be that fine.
 */
const TYPE_FIELD = "fine_type"; // not "type": torch modules have an attribute of that name
const MIN_PER_LABEL = 20;
type EncoderSpec = PackManifest["encoder"];

async function main() {
  const args = parseFlags();
  const datasets = datasetsDir(args.datasets);
  const out = path.resolve(args.out ?? ".cache/tail");
  const packDir = resolvePackDir(args.pack ?? "kalas-fashion-mnv2");
  const manifest = readManifest(packDir);
  if (manifest.build?.from !== "nsfwjs") throw new Error(`${packDir} is not built from nsfwjs: no tail to fine-tune`);

  const { examples } = loadDatasets(datasets);
  const split = splitExamples(examples);
  if ("meta-only" in args) {
    // New labels or roles for a cache whose inputs are already there: seconds instead of the whole pass.
    const metaFile = path.join(out, "meta.json");
    const old = JSON.parse(fs.readFileSync(metaFile, "utf8"));
    if (old.files.length !== examples.length || old.files.some((f: string, i: number) => f !== examples[i].file))
      throw new Error(`${out} was cached from other photos: run without --meta-only`);
    fs.writeFileSync(metaFile, JSON.stringify({ ...old, ...describe(examples, split, old.shape, manifest.name) }));
    console.log(`rewrote the labels and roles in ${metaFile}`);
    return;
  }
  const from = args.from ?? DEFAULT_TAIL_INPUT;
  const views = Number(args.views ?? 4);
  if (views !== 2 && views !== 4) throw new Error(`--views is 2 (photo, mirror) or 4 (and a zoomed crop, mirrored); got ${args.views}`);
  const { onnx } = convertNsfwjsBackbone(manifest.build.model, { outputLayer: from });
  const tailLayers = writeStockTail(manifest.build.model, from, path.join(out, "stock-tail.json"));
  const modelFile = path.join(os.tmpdir(), `kalas-tail-input-${process.pid}.onnx`);
  fs.writeFileSync(modelFile, onnx);
  const model = await openOnnxModel(modelFile);
  fs.rmSync(modelFile);

  fs.mkdirSync(out, { recursive: true });
  const sink = fs.openSync(path.join(out, "inputs.f32"), "w");
  const bar = progressBar(examples.length, "tail inputs");
  let shape: number[] = [];
  const { mean, std } = manifest.encoder;
  for (let i = 0; i < examples.length; i += 16) {
    const chunk = examples.slice(i, i + 16);
    const decoded = await Promise.all(chunk.map((e) => decodeForModel(fs.readFileSync(e.file), manifest.encoder)));
    // Each photo and its mirror image; with --views 4, also a seeded zoomed crop and its mirror.
    const grids = decoded.flatMap((d, k) => {
      const crop = views === 4 ? [zoomCrop(d.model, i + k)] : [];
      return [d.model, ...crop].flatMap((g) => [g, mirror(g)]);
    });
    const result = await model.run({ [model.inputNames[0]]: toEncoderTensor(grids, mean, std) });
    const map = result[model.outputNames[0]];
    shape = map.dims.slice(1);
    fs.writeSync(sink, Buffer.from(map.data.buffer, map.data.byteOffset, map.data.byteLength));
    chunk.forEach(() => bar.tick());
  }
  fs.closeSync(sink);
  bar.stop();
  await model.dispose();

  await writeReferenceEmbeddings(manifest.build.model, examples, manifest.encoder, path.join(out, "reference.json"));
  fs.writeFileSync(
    path.join(out, "meta.json"),
    JSON.stringify({ ...describe(examples, split, shape, manifest.name), views, layer: from, tailLayers }),
  );
  console.log(`wrote ${examples.length} photos x ${views} views of ${shape.join("x")} to ${out}`);
}

/**
 * The whole stock encoder's embeddings of 64 photos, spread over the datasets: what the torch port of the
 * tail must reproduce from the cached inputs (training-torch/check_tail.py) before it may be trained.
 */
export async function writeReferenceEmbeddings(model: NsfwjsModelName, examples: Example[], spec: EncoderSpec, file: string) {
  const picks = Array.from({ length: 64 }, (_, k) => Math.floor((k * examples.length) / 64));
  const modelFile = path.join(os.tmpdir(), `kalas-stock-${process.pid}.onnx`);
  fs.writeFileSync(modelFile, convertNsfwjsBackbone(model).onnx);
  const encoder = await openOnnxModel(modelFile);
  fs.rmSync(modelFile);
  const grids = await Promise.all(picks.map(async (i) => (await decodeForModel(fs.readFileSync(examples[i].file), spec)).model));
  const out = await encoder.run({ [encoder.inputNames[0]]: toEncoderTensor(grids, spec.mean, spec.std) });
  await encoder.dispose();
  const dim = out[encoder.outputNames[0]].dims[1];
  const data = out[encoder.outputNames[0]].data;
  const embeddings = picks.map((_, k) => Array.from(data.subarray(k * dim, (k + 1) * dim)));
  fs.writeFileSync(file, JSON.stringify({ indices: picks, embeddings }));
}

/** Labels as class indices (-1 where unknown), the vocabularies, and train/cal/test as train-pack splits them. */
function describe(examples: Example[], split: ("train" | "test")[], shape: number[], pack: string) {
  // The calibration slice stays out of the fine-tune too.
  const role = trainingRoles(split);
  const vocabulary = (label: (e: Example) => string | undefined) => {
    const counts = new Map<string, number>();
    examples.forEach((e, i) => {
      const l = label(e);
      if (l && role[i] === "fit") counts.set(l, (counts.get(l) ?? 0) + 1);
    });
    const labels = [...counts.keys()].filter((l) => counts.get(l)! >= MIN_PER_LABEL).sort();
    const y = examples.map((e) => (label(e) ? labels.indexOf(label(e)!) : -1));
    return { labels, y };
  };
  const fields = Object.fromEntries([
    ...FIELDS.map((field) => [field, vocabulary((e) => e.labels[field])] as const),
    [TYPE_FIELD, vocabulary((e) => `${e.source}:${e.rawType}`)] as const,
  ]);
  return { pack, shape, files: examples.map((e) => e.file), source: examples.map((e) => e.source), role, fields };
}

/**
 * Writes the stock weights of every layer after `from` (where the fine-tune starts) and returns those
 * layers, with their inputs, for the torch trainer to rebuild.
 */
export function writeStockTail(model: NsfwjsModelName, from: string, specPath: string) {
  const bundle = loadNsfwjsBundle(model);
  const weights = dequantizeWeights(bundle.weightSpecs, bundle.weightBytes);
  const start = bundle.layers.findIndex((l) => l.name === from);
  if (start < 0) throw new Error(`${model} has no layer ${from}`);
  const end = bundle.layers.findIndex((l) => l.name === findFeatureLayer(bundle.layers));
  const layers = bundle.layers.slice(start + 1, end + 1);
  const names = new Set(layers.map((l) => l.name));
  const tail = new Map([...weights].filter(([name]) => names.has(name.split("/")[0])));
  fs.mkdirSync(path.dirname(specPath), { recursive: true });
  writeBackboneTail(specPath, tail, `stock ${model} weights after ${from}, from nsfwjs@${bundle.packageVersion}`);
  return layers.map((l) => ({ name: l.name, class_name: l.class_name, config: l.config, inputs: l.inbound_nodes[0].map(([src]) => src) }));
}

if (process.argv[1]?.endsWith("extract-tail-inputs.ts"))
  main().catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
