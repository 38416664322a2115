/**
 * Checks a parsed manifest before any file is opened, so a broken pack fails with one clear
 * sentence naming the field instead of a runtime error deep inside inference.
 */
import { AppError } from "../errors.js";
import { PACK_FORMAT, type PackManifest } from "./manifest.js";
import { filesOf, outsidePack } from "./manifest-files.js";

const fail = (packDir: string, what: string) => new AppError(500, "invalid_pack", `Model pack at ${packDir}: ${what}.`);

export function validateManifest(raw: unknown, packDir: string): PackManifest {
  if (!raw || typeof raw !== "object") throw fail(packDir, "manifest.json is not a JSON object");
  const m = raw as Partial<PackManifest>;
  if (m.format !== PACK_FORMAT) throw fail(packDir, `"format" must be "${PACK_FORMAT}", got ${JSON.stringify(m.format)}`);
  for (const key of ["name", "version", "license"] as const) {
    if (typeof m[key] !== "string" || !m[key]) throw fail(packDir, `"${key}" must be a non-empty string`);
  }
  const e = m.encoder;
  if (!e || typeof e.file !== "string" || typeof e.input !== "string" || typeof e.output !== "string")
    throw fail(packDir, '"encoder" needs "file", "input" and "output"');
  if (!Number.isInteger(e.size) || e.size < 16 || e.size > 1024) throw fail(packDir, '"encoder.size" must be an integer from 16 to 1024');
  if (e.fit !== "pad" && e.fit !== "crop") throw fail(packDir, '"encoder.fit" must be "pad" or "crop"');
  for (const k of ["mean", "std", "padColor"] as const) {
    if (!Array.isArray(e[k]) || e[k].length !== 3) throw fail(packDir, `"encoder.${k}" must have 3 numbers`);
  }
  if (!Number.isInteger(m.embeddingDim) || (m.embeddingDim ?? 0) <= 0) throw fail(packDir, '"embeddingDim" must be a positive integer');
  if (!m.features || typeof m.features.sqrt !== "boolean") throw fail(packDir, '"features.sqrt" must be true or false');
  if (m.features.projection && !Number.isInteger(m.features.searchDim))
    throw fail(packDir, '"features.searchDim" is needed with a projection');
  if (!Array.isArray(m.heads)) throw fail(packDir, '"heads" must be a list');
  const fields = new Set<string>();
  for (const h of m.heads) {
    if (!h.field || fields.has(h.field)) throw fail(packDir, `head field ${JSON.stringify(h.field)} is missing or repeated`);
    fields.add(h.field);
    if (!Array.isArray(h.labels) || h.labels.length < 2) throw fail(packDir, `head "${h.field}" needs at least 2 labels`);
    if (h.kind === "linear" && !h.file) throw fail(packDir, `linear head "${h.field}" needs "file"`);
    if (h.kind === "text" && (!h.prompts || h.prompts.length !== h.labels.length))
      throw fail(packDir, `text head "${h.field}" needs one prompt per label`);
    if (h.kind !== "linear" && h.kind !== "text") throw fail(packDir, `head "${h.field}" has unknown kind ${JSON.stringify(h.kind)}`);
  }
  const categories = m.heads.find((h) => h.field === "category")?.labels ?? [];
  for (const h of m.heads.filter((h) => h.applies_to !== undefined)) {
    const unknown = Array.isArray(h.applies_to) ? h.applies_to.filter((c) => !categories.includes(c)) : ["(not a list)"];
    if (unknown.length)
      throw fail(packDir, `head "${h.field}": "applies_to" names no category of the category head: ${unknown.join(", ")}`);
  }
  if (m.heads.some((h) => h.kind === "text") && !m.text) throw fail(packDir, 'text heads need a "text" section');
  if (m.text && !m.text.encoder && !m.text.embeddings) throw fail(packDir, '"text" needs an "encoder" or precomputed "embeddings"');
  for (const file of filesOf(m as PackManifest)) {
    const why = outsidePack(file);
    if (why) throw fail(packDir, `every file must be inside the pack folder, but ${why}`);
  }
  return m as PackManifest;
}
