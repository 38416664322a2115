// @vitest-environment jsdom
// (also set in web/vite.config.ts; repeated so the service's own `vitest run` can run this file too)
import { describe, expect, it } from 'vitest';

import { changedFields, draftFrom, formOptions, toCorrection } from './correction';
import { parseModelInfo } from '../api/model-info';
import { sampleAnnotation, sampleModel } from '../test/fixtures';

describe('correction', () => {
  const annotation = sampleAnnotation();

  it('offers the pack labels, including groups the model did not predict', () => {
    const options = formOptions(annotation, parseModelInfo(sampleModel));
    expect(options.categories).toEqual(['Dresses', 'Skirts', 'Tshirts']);
    expect(options.attributes['pattern']).toEqual(['Solid', 'Striped', 'Checked']);
    expect(options.palette).toEqual(['red', 'white', 'navy']);
  });

  it('falls back to the predictions and alternatives without model info', () => {
    const options = formOptions(annotation, null);
    expect(options.categories).toEqual(['Dresses', 'Skirts']);
    expect(options.attributes['usage']).toEqual(['Casual', 'Formal']);
  });

  it('builds the feedback body with the original answer, leaving out cleared groups and colours', () => {
    const draft = draftFrom(annotation);
    draft.category = 'Skirts';
    draft.attributes = { ...draft.attributes, usage: '', pattern: 'Striped' };
    draft.colors = ['navy', ''];
    expect(changedFields(draft, annotation)).toBe(5);
    expect(toCorrection(draft, annotation)).toEqual({
      category: 'Skirts',
      attributes: { gender: 'Women', pattern: 'Striped' },
      colors: ['navy'],
      original: { category: 'Dresses', attributes: { gender: 'Women', usage: 'Casual' }, colors: ['red', 'white'] },
    });
  });

  it('counts no change for an untouched draft', () => {
    expect(changedFields(draftFrom(annotation), annotation)).toBe(0);
  });
});

describe('correction without a category head', () => {
  it('leaves the category out and keeps the colours', () => {
    const annotation = sampleAnnotation({ category: null, attributes: {} });
    const draft = draftFrom(annotation);
    expect(formOptions(annotation, null).categories).toEqual([]);
    draft.colors = ['navy', 'white'];
    expect(toCorrection(draft, annotation)).toEqual({
      attributes: {},
      colors: ['navy', 'white'],
      original: { category: null, attributes: {}, colors: ['red', 'white'] },
    });
  });
});
