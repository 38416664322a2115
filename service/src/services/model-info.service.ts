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
    // Attributes said only of some garments (sleeve length of tops): absent from other photos' answers.
    attribute_scopes: Object.fromEntries(m.heads.filter((h) => h.appliesTo).map((h) => [h.field, h.appliesTo!])),
    palette: PALETTE.map(({ name, hex }) => ({ name, hex })),
    metrics: m.manifest.metrics ?? {},
  };
}
