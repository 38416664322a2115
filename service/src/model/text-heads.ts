/**
 * Zero-shot heads for CLIP/SigLIP packs: each label's prompt is embedded by the pack's text
 * encoder (or taken from precomputed embeddings), and an image's score for a label is its
 * cosine similarity with that embedding times the pack's logit scale.
 */
import type { HeadSpec, TextSpec } from "../pack/manifest.js";
import { packFile, readJson } from "../pack/pack.repository.js";
import { openOnnxModel } from "../repositories/onnx.repository.js";
import { loadTokenizer } from "../repositories/tokenizer.repository.js";
import { l2normalize } from "./features.js";
import { abstainOf, type Head } from "./heads.js";

export async function buildTextHeads(packDir: string, text: TextSpec, specs: HeadSpec[], dim: number): Promise<Head[]> {
  const embed = text.encoder ? await textEmbedder(packDir, text) : null;
  const precomputed = text.embeddings ? readJson<Record<string, number[][]>>(packDir, text.embeddings) : {};
  const heads: Head[] = [];
  for (const spec of specs) {
    let rows: Float32Array[];
    if (precomputed[spec.field]) rows = precomputed[spec.field].map((r) => Float32Array.from(r));
    else if (embed) rows = await embed.run(spec.prompts ?? spec.labels);
    else throw new Error(`text head "${spec.field}" has neither precomputed embeddings nor a text encoder`);
    const weights = new Float32Array(rows.length * dim);
    rows.forEach((r, i) => {
      if (r.length !== dim) throw new Error(`text head "${spec.field}": prompt embedding has ${r.length} values, image embedding ${dim}`);
      weights.set(l2normalize(Float32Array.from(r)), i * dim);
    });
    heads.push({
      field: spec.field,
      labels: spec.labels,
      weights,
      bias: new Float32Array(spec.labels.length),
      scale: text.logitScale / (spec.temperature ?? 1),
      abstain: abstainOf(spec),
      ...(spec.applies_to ? { appliesTo: spec.applies_to } : {}),
      input: "embedding",
    });
  }
  await embed?.dispose();
  return heads;
}

async function textEmbedder(packDir: string, text: TextSpec) {
  const model = await openOnnxModel(packFile(packDir, text.encoder!), 1);
  const tokenizer = loadTokenizer(packFile(packDir, text.tokenizer ?? "tokenizer"));
  const maxLength = text.maxLength ?? 77;
  const inputs = text.inputs ?? model.inputNames;
  const output = text.output ?? model.outputNames[0];
  return {
    async run(prompts: string[]): Promise<Float32Array[]> {
      const encoded = prompts.map((p) => tokenizer.encode(p, maxLength, 0));
      const feeds: Record<string, { data: BigInt64Array; dims: number[] }> = {};
      const flat = (key: "ids" | "mask") => BigInt64Array.from(encoded.flatMap((e) => e[key]).map((v) => BigInt(v)));
      for (const name of inputs) {
        feeds[name] = { data: flat(/mask/.test(name) ? "mask" : "ids"), dims: [prompts.length, maxLength] };
      }
      const out = (await model.run(feeds))[output];
      const dim = out.dims[out.dims.length - 1];
      return prompts.map((_, i) => out.data.slice(i * dim, (i + 1) * dim));
    },
    dispose: () => model.dispose(),
  };
}
