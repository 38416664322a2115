/**
 * Reads the shared labelled datasets into one list of examples labelled in the default taxonomy,
 * and counts what could not be mapped. Training only: the service never reads ../shared.
 */
import fs from "node:fs";
import path from "node:path";

import { parseCsv } from "../cli/csv.js";
import {
  ARTICLE_TYPE_TO_CATEGORY,
  BASE_COLOUR_TO_PALETTE,
  CC0_LABEL_TO_CATEGORY,
  firstMatch,
  GENDER,
  PATTERN_WORDS,
  SLEEVE_WORDS,
  USAGE,
} from "./taxonomy.js";

export interface Example {
  file: string;
  source: "fashion-products-224" | "clothing-cc0";
  /** Split group: product id (one photo per product) or the cc0 photographer. */
  group: string;
  /** Raw dataset label used for stratified splitting and the article-type evaluation. */
  rawType: string;
  labels: Partial<Record<"category" | "gender" | "usage" | "pattern" | "sleeve" | "color", string>>;
  rawColour?: string;
}

export interface LoadReport {
  examples: Example[];
  unmapped: Record<string, Record<string, number>>;
}

export function loadDatasets(root: string): LoadReport {
  if (!fs.existsSync(root)) throw new Error(`datasets folder ${root} not found (pass --datasets <dir>)`);
  const unmapped: Record<string, Record<string, number>> = {};
  const miss = (table: string, value: string) => {
    unmapped[table] ??= {};
    unmapped[table][value] = (unmapped[table][value] ?? 0) + 1;
  };
  const examples: Example[] = [];

  const fp = path.join(root, "fashion-products-224");
  for (const r of parseCsv(fs.readFileSync(path.join(fp, "labels.csv"), "utf8"))) {
    const file = path.join(fp, "images", `${r.id}.jpg`);
    if (!fs.existsSync(file)) continue;
    const labels: Example["labels"] = {};
    const category = ARTICLE_TYPE_TO_CATEGORY[r.articleType];
    if (category) labels.category = category;
    else miss("articleType → category", r.articleType);
    const color = BASE_COLOUR_TO_PALETTE[r.baseColour];
    if (color) labels.color = color;
    else miss("baseColour → palette", r.baseColour);
    if (GENDER[r.gender]) labels.gender = GENDER[r.gender];
    else miss("gender", r.gender);
    if (USAGE[r.usage]) labels.usage = USAGE[r.usage];
    else miss("usage", r.usage);
    if (r.masterCategory === "Apparel") {
      const pattern = firstMatch(r.productDisplayName, PATTERN_WORDS);
      if (pattern) labels.pattern = pattern;
      if (r.subCategory === "Topwear") {
        const sleeve = firstMatch(r.productDisplayName, SLEEVE_WORDS);
        if (sleeve) labels.sleeve = sleeve;
      }
    }
    examples.push({ file, source: "fashion-products-224", group: r.id, rawType: r.articleType, labels, rawColour: r.baseColour });
  }

  const cc = path.join(root, "clothing-cc0");
  for (const r of parseCsv(fs.readFileSync(path.join(cc, "labels.csv"), "utf8"))) {
    if (["Not sure", "Skip", "Other"].includes(r.label)) continue;
    const file = path.join(cc, "images", r.image);
    if (!fs.existsSync(file)) continue;
    const category = CC0_LABEL_TO_CATEGORY[r.label];
    if (!category) miss("clothing-cc0 label → category", r.label);
    const labels: Example["labels"] = category ? { category } : {};
    if (r.label === "Longsleeve") labels.sleeve = "Long sleeve";
    if (r.label === "T-Shirt" || r.label === "Polo") labels.sleeve = "Short sleeve";
    examples.push({ file, source: "clothing-cc0", group: `sender-${r.sender_id}`, rawType: r.label, labels });
  }
  return { examples, unmapped };
}
