// @vitest-environment jsdom
// (also set in web/vite.config.ts; repeated so the service's own `vitest run` can run this file too)
import { describe, expect, it } from 'vitest';

import { parseModelInfo } from './model-info';
import { sampleModel } from '../test/fixtures';

describe('parseModelInfo', () => {
  it('reads a map of fields and a palette of objects', () => {
    const info = parseModelInfo(sampleModel);
    expect(info.categories).toEqual(['Dresses', 'Skirts', 'Tshirts']);
    expect(Object.keys(info.attributes)).toEqual(['gender', 'usage', 'pattern']);
    expect(info.palette[2]).toEqual({ name: 'navy', hex: '#1a237e' });
  });

  it('reads a list of named fields nested under pack, and a palette map', () => {
    const info = parseModelInfo({
      pack: {
        name: 'p',
        version: '2',
        fields: [
          { name: 'category', labels: [{ label: 'Shirts' }] },
          { name: 'season', labels: ['Summer'] },
        ],
      },
      palette: { black: '#000000' },
    });
    expect(info).toEqual({
      name: 'p',
      version: '2',
      categories: ['Shirts'],
      attributes: { season: ['Summer'] },
      palette: [{ name: 'black', hex: '#000000' }],
    });
  });

  it('reads the service answer: top-level category and attributes lists', () => {
    const info = parseModelInfo({
      name: 'kalas-fashion-mnv2',
      version: '1.0.0',
      category: ['Shirts', 'Dresses'],
      attributes: { gender: ['Men', 'Women'], usage: ['Casual'] },
      palette: [{ name: 'black', hex: '#000000' }],
      metrics: {},
    });
    expect(info.categories).toEqual(['Shirts', 'Dresses']);
    expect(info.attributes).toEqual({ gender: ['Men', 'Women'], usage: ['Casual'] });
    expect(info.palette).toEqual([{ name: 'black', hex: '#000000' }]);
  });

  it('survives an answer of the wrong shape', () => {
    expect(parseModelInfo(null)).toEqual({ name: 'unknown', version: '', categories: [], attributes: {}, palette: [] });
  });
});
