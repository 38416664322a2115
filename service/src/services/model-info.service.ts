/** A client-facing description of the loaded pack. */
import { PALETTE } from "../colors/palette.js";
import { getModel } from "./model.service.js";

export async function describeModel() {
  const m = await getModel();
  const fields: Record<string, string[]> = {};
  for (const h of m.heads) fields[h.field] = h.labels;
  const { category, ...attributes } = fields;
  return {
    name: m.manifest.name,
    version: m.manifest.version,
    description: m.manifest.description,
    license: m.manifest.license,
    embedding_dim: m.manifest.embeddingDim,
    search_dim: m.transform.outDim ?? m.manifest.embeddingDim,
    category: category ?? [],
    attributes,
    palette: PALETTE.map(({ name, hex }) => ({ name, hex })),
    metrics: m.manifest.metrics ?? {},
  };
}
