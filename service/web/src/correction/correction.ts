import type { Annotation, Correction, ModelInfo } from '../api/types';

/** What the person has chosen in the correction form. An empty string means "not set" / "remove". */
export interface Draft {
  category: string;
  attributes: Record<string, string>;
  colors: string[];
}

export interface FormOptions {
  categories: string[];
  attributes: Record<string, string[]>;
  palette: string[];
}

export function draftFrom(annotation: Annotation): Draft {
  return {
    category: annotation.category?.label ?? '',
    attributes: Object.fromEntries(Object.entries(annotation.attributes).map(([group, p]) => [group, p.label])),
    colors: annotation.colors.map((c) => c.name),
  };
}

/**
 * The choices the form offers: the pack's own labels from `GET /v1/model`, so a correction can only name
 * labels the training pipeline knows. Without the model info (it failed to load) the predictions and
 * their alternatives still give a usable, smaller set.
 */
export function formOptions(annotation: Annotation, model: ModelInfo | null): FormOptions {
  const withPredicted = (labels: string[], predicted: { label: string; alternatives: { label: string }[] } | undefined): string[] =>
    unique([...labels, ...(predicted ? [predicted.label, ...predicted.alternatives.map((a) => a.label)] : [])]);

  const groups = unique([...Object.keys(model?.attributes ?? {}), ...Object.keys(annotation.attributes)]);
  return {
    categories: withPredicted(model?.categories ?? [], annotation.category ?? undefined),
    attributes: Object.fromEntries(groups.map((g) => [g, withPredicted(model?.attributes[g] ?? [], annotation.attributes[g])])),
    palette: unique([...(model?.palette.map((c) => c.name) ?? []), ...annotation.colors.map((c) => c.name)]),
  };
}

/** The feedback body: the chosen labels, with the model's original answer beside them for the training pipeline. */
export function toCorrection(draft: Draft, annotation: Annotation): Correction {
  const original = draftFrom(annotation);
  return {
    ...(draft.category ? { category: draft.category } : {}),
    attributes: Object.fromEntries(Object.entries(draft.attributes).filter(([, label]) => label !== '')),
    colors: unique(draft.colors.filter((c) => c !== '')),
    original: { category: original.category || null, attributes: original.attributes, colors: original.colors },
  };
}

export function changedFields(draft: Draft, annotation: Annotation): number {
  const original = draftFrom(annotation);
  let n = draft.category === original.category ? 0 : 1;
  const groups = new Set([...Object.keys(draft.attributes), ...Object.keys(original.attributes)]);
  for (const g of groups) if ((draft.attributes[g] ?? '') !== (original.attributes[g] ?? '')) n++;
  draft.colors.forEach((c, i) => {
    if (c !== original.colors[i]) n++;
  });
  return n;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
