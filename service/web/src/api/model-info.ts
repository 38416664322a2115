import type { ModelInfo } from './types';

/**
 * Normalises `GET /v1/model` into what the correction form needs.
 * The contract names the parts (fields and their labels, colour palette) but not their exact nesting,
 * so both a map of fields and a list of named fields are read, and unknown parts are ignored.
 */
export function parseModelInfo(raw: unknown): ModelInfo {
  const root = isRecord(raw) ? raw : {};
  const pack = isRecord(root['pack']) ? root['pack'] : root;
  // The service answers `category: [...]` and `attributes: {group: [...]}`; a pack manifest nests them as `fields`.
  const fields = readFields(pack['fields'] ?? pack['heads'] ?? root['fields']);
  const { category: fieldCategory = [], ...fieldAttributes } = fields;
  const category = Array.isArray(root['category']) ? labels(root['category']) : fieldCategory;
  const attributes = isRecord(root['attributes']) ? readFields(root['attributes']) : fieldAttributes;
  return {
    name: str(pack['name']) ?? str(root['name']) ?? 'unknown',
    version: str(pack['version']) ?? str(root['version']) ?? '',
    categories: category,
    attributes,
    palette: readPalette(pack['palette'] ?? pack['colors'] ?? pack['colours'] ?? root['palette']),
  };
}

function readFields(raw: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (Array.isArray(raw)) {
    for (const field of raw) {
      if (!isRecord(field)) continue;
      const name = str(field['name']) ?? str(field['field']) ?? str(field['id']);
      if (name) out[name] = labels(field['labels'] ?? field['classes']);
    }
  } else if (isRecord(raw)) {
    for (const [name, field] of Object.entries(raw)) {
      out[name] = Array.isArray(field) ? labels(field) : isRecord(field) ? labels(field['labels'] ?? field['classes']) : [];
    }
  }
  return out;
}

function labels(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((item) => (isRecord(item) ? (str(item['label']) ?? str(item['name'])) : str(item))).filter((l): l is string => !!l);
}

function readPalette(raw: unknown): ModelInfo['palette'] {
  if (Array.isArray(raw)) {
    return raw
      .map((item) => {
        if (typeof item === 'string') return { name: item };
        if (!isRecord(item)) return null;
        const name = str(item['name']);
        const hex = str(item['hex']);
        return name ? (hex ? { name, hex } : { name }) : null;
      })
      .filter((c): c is ModelInfo['palette'][number] => c !== null);
  }
  if (isRecord(raw)) {
    return Object.entries(raw).map(([name, hex]) => (typeof hex === 'string' ? { name, hex } : { name }));
  }
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
