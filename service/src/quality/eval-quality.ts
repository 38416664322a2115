/**
 * `npm run eval`: measures the shipped default pack on the held-out splits of ../shared/datasets
 * (the same splits training used, service/src/training/splits.ts) and writes docs/quality.md with
 * tables and PNG plots. The README's quality figures come from this command.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import sharp from "sharp";

import { replaceReadmeBlock } from "../cli/readme-block.js";
import { colorFeatures } from "../colors/color-features.js";
import { dominantColors } from "../colors/dominant-colors.js";
import { garmentPixels } from "../colors/garment-mask.js";
import { nameWithHead } from "../colors/name-with-head.js";
import { argmax, concatFeatures as concat, dot, searchVector } from "../model/features.js";
import { servedFeatures } from "../training/extract-features.js";
import { predict, probabilities, scopeGate, type Head } from "../model/heads.js";
import { NEIGHBOURS, predictWithNeighbours } from "../model/neighbour-vote.js";
import { RERANK_CANDIDATES, rerank } from "../model/rerank.js";
import { decodeForModel } from "../repositories/image.repository.js";
import { VectorIndex } from "../repositories/index.repository.js";
import { fitLabelHead } from "../model/label-head.js";
import type { Example } from "../training/datasets.js";
import { accuracy, accuracyCoverage, expectedCalibrationError, reliability, type Scored } from "../training/metrics.js";
import { headLabeler } from "./head-labels.js";
import { confusionSvg, lineChartSvg, savePng } from "./plots.js";
import { loadTuningData, repo } from "./tuning-data.js";

const outDoc = path.join(repo, "docs", "quality.md");
const plotDir = path.join(repo, "docs", "quality");
const log = (m: string) => process.stderr.write(`${m}\n`);

const { model, examples, table, split } = await loadTuningData();
const idx = (pred: (e: Example, i: number) => boolean) => examples.map((e, i) => (pred(e, i) ? i : -1)).filter((i) => i >= 0);
const test = idx((_, i) => split[i] === "test");
const train = idx((_, i) => split[i] === "train");
const feats = servedFeatures(table, model.transform);
const searchVecs = feats.map((f) => searchVector(f, model.transform));
fs.mkdirSync(plotDir, { recursive: true });

// 1. The pack's own heads on the test split.
const headRows: string[] = [];
const curves: { name: string; points: [number, number][]; color: string }[] = [];
const colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];
const summary: Record<string, number> = {};
let categoryScored: Scored[] = [];
/** Photo i's features as a head reads them. */
const inputOf = (i: number) => (head: Head) => (head.input === "embedding+color" ? concat(feats[i], table.color[i]) : feats[i]);
/** Whether the service says `head` of photo i at all (an attribute scoped to other garments is left out). */
// One gate per photo: the gate computes the category head's odds once, however many heads ask.
const gates = new Map<number, (head: Head) => boolean>();
const speaks = (head: Head, i: number) => {
  let gate = gates.get(i);
  if (!gate) gates.set(i, (gate = scopeGate(model.heads, inputOf(i))));
  return gate(head);
};
for (const [k, head] of model.heads.entries()) {
  const field = head.field as keyof Example["labels"];
  const rows = test.filter((i) => examples[i].labels[field] && head.labels.includes(examples[i].labels[field]!));
  const scored: Scored[] = rows.map((i) => {
    const p = probabilities(head, inputOf(i)(head));
    let g = 0;
    for (let c = 1; c < p.length; c++) if (p[c] > p[g]) g = c;
    return { truth: head.labels.indexOf(examples[i].labels[field]!), guess: g, score: p[g] };
  });
  // Kept as served: confident, and for a scoped attribute, said of this photo at all.
  const kept = scored.filter((s, j) => s.score >= head.abstain && speaks(head, rows[j]));
  headRows.push(
    `| ${head.field} | ${head.labels.length} | ${scored.length} | ${f3(accuracy(scored))} | ${f3(expectedCalibrationError(scored))} | ${head.abstain} | ${f3(kept.length / scored.length)} | ${f3(accuracy(kept))} |`,
  );
  summary[`${head.field}_top1`] = accuracy(scored);
  summary[`${head.field}_ece`] = expectedCalibrationError(scored);
  curves.push({
    name: head.field,
    points: accuracyCoverage(scored).map((r) => [r.coverage, r.accuracy] as [number, number]),
    color: colours[k % colours.length],
  });
  if (head.field === "category") {
    categoryScored = scored;
    const matrix = head.labels.map(() => head.labels.map(() => 0));
    for (const s of scored) matrix[s.truth][s.guess]++;
    await savePng(
      confusionSvg(head.labels, matrix, "Category confusion (test split, rows = truth, % of row)"),
      path.join(plotDir, "confusion-category.png"),
    );
    const cc0 = scored.filter((_, j) => examples[rows[j]].source === "clothing-cc0");
    summary.category_top1_clothing_cc0 = accuracy(cc0);
    summary.category_top1_fashion_products = accuracy(scored.filter((_, j) => examples[rows[j]].source === "fashion-products-224"));
  }
}
// 1b. Attribute scopes: how often a scoped attribute is said of the garments it was learned on, and
//     left out of the others (judged by the photo's true category), as the service decides it.
const scopeRows: string[] = [];
for (const head of model.heads.filter((h) => h.appliesTo)) {
  const labelled = test.filter((i) => examples[i].labels.category);
  const said = (i: number) => speaks(head, i);
  const inside = labelled.filter((i) => head.appliesTo!.includes(examples[i].labels.category!));
  const outside = labelled.filter((i) => !head.appliesTo!.includes(examples[i].labels.category!));
  scopeRows.push(
    `| ${head.field} | ${head.appliesTo!.join(", ")} | ${f3(inside.filter(said).length / (inside.length || 1))} (${inside.length}) | ${f3(outside.filter((i) => !said(i)).length / (outside.length || 1))} (${outside.length}) |`,
  );
}

await savePng(
  lineChartSvg("Accuracy against coverage (test split)", "coverage", "accuracy of kept predictions", curves),
  path.join(plotDir, "accuracy-coverage.png"),
);
const rel = reliability(categoryScored);
await savePng(
  lineChartSvg(
    "Reliability: category (test split)",
    "confidence",
    "accuracy",
    [{ name: "category", points: rel.filter((b) => b.n).map((b) => [b.confidence, b.accuracy] as [number, number]), color: "#1f77b4" }],
    true,
  ),
  path.join(plotDir, "reliability-category.png"),
);

// 2. Catalogue learning: a shop's own labels learned from 70% of a catalogue (the code path of /v1/learn,
//    which learns on the search vectors), predicted as a shop predicts them: the learned head mixed with
//    the labels of the nearest catalogue products in a similar-items index.
function catalogue(
  rows: number[],
  label: (e: Example) => string | undefined,
  minPerLabel: number,
): { top1: number; ece: number; headOnly: number; headOnlyEce: number; labels: number; n: number } {
  const counts = new Map<string, number>();
  for (const i of rows)
    if (split[i] === "train" && label(examples[i])) counts.set(label(examples[i])!, (counts.get(label(examples[i])!) ?? 0) + 1);
  const labels = [...counts.keys()].filter((l) => counts.get(l)! >= minPerLabel * 0.7).sort();
  const tr = rows.filter((i) => split[i] === "train" && labels.includes(label(examples[i]) ?? ""));
  const te = rows.filter((i) => split[i] === "test" && labels.includes(label(examples[i]) ?? ""));
  const { final, temperature } = fitLabelHead(
    tr.map((i) => searchVecs[i]),
    tr.map((i) => labels.indexOf(label(examples[i])!)),
    labels.length,
    tr.map(() => 1),
  );
  const head: Head = { field: "shop", labels, ...final, scale: 1 / temperature, abstain: 0.5, input: "embedding" };
  const index = VectorIndex.create(os.tmpdir(), { dim: searchVecs[0].length, model: "eval" });
  for (const i of tr) index.put(i, searchVecs[i]);
  const scored: Scored[] = te.map((i) => {
    const neighbours = index.search(searchVecs[i], NEIGHBOURS).map((h) => ({ label: label(examples[h.label]), score: h.score }));
    const p = predictWithNeighbours(head, searchVecs[i], neighbours);
    return { truth: labels.indexOf(label(examples[i])!), guess: labels.indexOf(p.label), score: p.score };
  });
  const headScored: Scored[] = te.map((i) => {
    const p = predict(head, searchVecs[i]);
    return { truth: labels.indexOf(label(examples[i])!), guess: labels.indexOf(p.label), score: p.score };
  });
  return {
    top1: accuracy(scored),
    ece: expectedCalibrationError(scored),
    headOnly: accuracy(headScored),
    headOnlyEce: expectedCalibrationError(headScored),
    labels: labels.length,
    n: te.length,
  };
}
log("catalogue learning: article type…");
const articleType = catalogue(
  idx((e) => e.source === "fashion-products-224"),
  (e) => e.rawType,
  20,
);
log("catalogue learning: clothing-cc0 garment type…");
const cc0Type = catalogue(
  idx((e) => e.source === "clothing-cc0"),
  (e) => e.rawType,
  20,
);

// 3. Colour, strict, against the catalogue's base colour mapped to the palette.
log("colour: pixels on the test split…");
const colourRows = test.filter((i) => examples[i].source === "fashion-products-224" && examples[i].labels.color);
const colorHead = model.heads.find((h) => h.field === "color");
let pixelHits = 0;
let finalHits = 0;
const sheet: { file: string; truth: string; colors: { name: string; hex: string; share: number }[] }[] = [];
for (const [k, i] of colourRows.entries()) {
  const { color: grid } = await decodeForModel(fs.readFileSync(examples[i].file), model.manifest.encoder);
  const garment = garmentPixels(grid);
  const pixels = dominantColors(grid, 3, garment);
  const truth = examples[i].labels.color!;
  if (pixels[0]?.name === truth) pixelHits++;
  // As the service answers: the colour head names the main colour (colors/name-with-head.ts).
  let served = pixels;
  if (colorHead) {
    const p = probabilities(colorHead, concat(feats[i], colorFeatures(grid, garment)));
    const g = argmax(p);
    served = nameWithHead(pixels, { label: colorHead.labels[g], score: p[g], confident: p[g] >= colorHead.abstain, alternatives: [] });
  }
  const finalName = served[0]?.name;
  if (finalName === truth) finalHits++;
  if (k % Math.floor(colourRows.length / 24) === 0 && sheet.length < 24)
    sheet.push({
      file: examples[i].file,
      truth: examples[i].rawColour ?? truth,
      colors: served,
    });
}
await contactSheet(sheet, path.join(plotDir, "colour-contact-sheet.png"));

// 4. Retrieval: fashion-products-224 test photos against the train catalogue, with the search vectors the index stores.
log("retrieval…");
const fpTrain = train.filter((i) => examples[i].source === "fashion-products-224");
const fpTest = test.filter((i) => examples[i].source === "fashion-products-224");
const vec = (i: number) => searchVecs[i];
const headLabel = headLabeler(model, feats, table.color);
// What the index stores per product: its search vector and its annotation's category and main colour.
const catalogueItems = fpTrain.map((i) => ({ i, v: vec(i), category: headLabel("category", i), color: headLabel("color", i) }));
const retrieval = { visual: { type: 0, typeColour: 0 }, reranked: { type: 0, typeColour: 0 } };
for (const i of fpTest) {
  const q = vec(i);
  const candidates = catalogueItems
    .map((c) => ({ ...c, score: dot(c.v, q) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, RERANK_CANDIDATES);
  const count = (top: typeof candidates, into: { type: number; typeColour: number }) => {
    for (const c of top.slice(0, 10)) {
      const e = examples[c.i];
      if (e.rawType === examples[i].rawType) {
        into.type++;
        if (e.rawColour === examples[i].rawColour) into.typeColour++;
      }
    }
  };
  count(candidates, retrieval.visual);
  count(rerank(candidates, { category: headLabel("category", i), color: headLabel("color", i) }), retrieval.reranked);
}
const pType = retrieval.reranked.type / (fpTest.length * 10);
const pTypeColour = retrieval.reranked.typeColour / (fpTest.length * 10);
const pTypeVisual = retrieval.visual.type / (fpTest.length * 10);
const pTypeColourVisual = retrieval.visual.typeColour / (fpTest.length * 10);

const result = {
  pack: `${model.manifest.name}@${model.manifest.version}`,
  article_type_top1_catalogue_learning: articleType,
  garment_type_top1_clothing_cc0_catalogue_learning: cc0Type,
  category_top1_clothing_cc0_default_head: summary.category_top1_clothing_cc0,
  colour_strict_pixels_only: pixelHits / colourRows.length,
  colour_strict_final: finalHits / colourRows.length,
  retrieval_precision_at_10_same_type_and_colour: pTypeColour,
  retrieval_precision_at_10_same_type: pType,
  retrieval_visual_only_precision_at_10_same_type_and_colour: pTypeColourVisual,
  retrieval_visual_only_precision_at_10_same_type: pTypeVisual,
  category_ece: summary.category_ece,
};
const targetsTable = `| task | measured | target |
| --- | --- | --- |
| article type top-1, fashion-products-224, ≥ 20 images per class (${articleType.labels} classes, catalogue learning from the 70% split) | ${f3(articleType.top1)} | ≥ 0.93 |
| garment type top-1 on real phone photos, clothing-cc0 split by sender (${cc0Type.labels} classes, catalogue learning) | ${f3(cc0Type.top1)} | ≥ 0.85 |
| garment category top-1 on clothing-cc0 with the default pack's category head (taxonomy categories) | ${f3(summary.category_top1_clothing_cc0)} | |
| colour, basic palette, strict (fashion-products-224 base colour): pixels only | ${f3(result.colour_strict_pixels_only)} | |
| colour, strict: what the service answers (the colour head names the main colour) | ${f3(result.colour_strict_final)} | ≥ 0.80 |
| retrieval precision@10, same article type and colour (as served: visual neighbours re-ranked by category and colour) | ${f3(pTypeColour)} | ≥ 0.45 |
| retrieval precision@10, same article type (as served) | ${f3(pType)} | |
| retrieval precision@10, same article type and colour, visual order only | ${f3(pTypeColourVisual)} | |
| expected calibration error, category | ${f3(summary.category_ece)} | ≤ 0.05 |
| catalogue learning: top-1 on a shop's own labels (article type as the shop's label, 70% of the catalogue) | ${f3(articleType.top1)} | ≥ 0.93 |
| catalogue learning, expected calibration error of the shop's label: article type / clothing-cc0 | ${f3(articleType.ece)} / ${f3(cc0Type.ece)} | |
| catalogue learning, the learned head alone (without its nearest products' vote), top-1: article type / clothing-cc0 | ${f3(articleType.headOnly)} / ${f3(cc0Type.headOnly)} | |
| catalogue learning, the learned head alone, expected calibration error: article type / clothing-cc0 | ${f3(articleType.headOnlyEce)} / ${f3(cc0Type.headOnlyEce)} | |
`;
const doc = `# Model quality

Written by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)} for **${result.pack}**, on the held-out (test) splits of
\`../shared/datasets\`: fashion-products-224 70/30 stratified by article type, clothing-cc0 70/30 by \`sender_id\`, seed 42
(service/src/training/splits.ts). Training never saw these photos.

## Against the targets

${targetsTable}

## The pack's heads (test split)

Coverage and the accuracy beside it count what the service says: a confident label and, for an attribute scoped to
some garments (below), one it says of that photo at all.

| field | labels | test photos | top-1 | ECE | abstain below | coverage | accuracy when not abstaining |
| --- | --- | --- | --- | --- | --- | --- | --- |
${headRows.join("\n")}

## Attribute scopes (test split)

An attribute learned on some garments only is said when the category head gives those garments at least even
odds (service/src/model/heads.ts): how often it is said of test photos of those garments, and left out of the
others (by their catalogue category; photos in brackets).

| field | said of | said, for those garments | left out, for the others |
| --- | --- | --- | --- |
${scopeRows.join("\n")}

## Plots

![Category confusion matrix](quality/confusion-category.png)

![Reliability diagram, category](quality/reliability-category.png)

![Accuracy against coverage](quality/accuracy-coverage.png)

Colour results on real test photos (catalogue colour under each photo, the service's colours as swatches):

![Colour contact sheet](quality/colour-contact-sheet.png)
`;
fs.writeFileSync(outDoc, doc);
log(
  (await replaceReadmeBlock(path.join(repo, "README.md"), "eval:targets", targetsTable))
    ? "copied the targets table into README.md"
    : "README.md has no eval:targets markers: its quality table was not updated",
);
process.stdout.write(JSON.stringify(result, null, 2) + "\n");
log(`wrote ${path.relative(process.cwd(), outDoc)} and ${path.relative(process.cwd(), plotDir)}/*.png`);
await model.dispose();

async function contactSheet(items: typeof sheet, file: string): Promise<void> {
  const cell = 150;
  const cols = 6;
  const rows = Math.ceil(items.length / cols);
  const layers: sharp.OverlayOptions[] = [];
  for (const [k, it] of items.entries()) {
    const x = (k % cols) * cell;
    const y = Math.floor(k / cols) * (cell + 40);
    layers.push({
      input: await sharp(it.file)
        .resize(cell - 10, cell - 10, { fit: "contain", background: "#ffffff" })
        .png()
        .toBuffer(),
      left: x + 5,
      top: y + 5,
    });
    let sx = x + 5;
    const swatches = it.colors.map((c) => {
      const w = Math.max(8, Math.round((cell - 10) * c.share));
      const svg = `<rect x="${sx}" y="${y + cell}" width="${w}" height="14" fill="${c.hex}" stroke="#333" stroke-width="0.5"/><text x="${sx + 2}" y="${y + cell + 26}" font-size="9">${c.name}</text>`;
      sx += w;
      return svg;
    });
    layers.push({
      input: Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * cell}" height="${rows * (cell + 40)}" font-family="sans-serif">${swatches.join("")}<text x="${x + 5}" y="${y + cell + 38}" font-size="9" fill="#555">catalogue: ${it.truth}</text></svg>`,
      ),
      left: 0,
      top: 0,
    });
  }
  await sharp({ create: { width: cols * cell, height: rows * (cell + 40), channels: 3, background: "#ffffff" } })
    .composite(layers)
    .png()
    .toFile(file);
}

function f3(v: number): string {
  return Number.isFinite(v) ? v.toFixed(3) : "n/a";
}
