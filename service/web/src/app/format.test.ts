// @vitest-environment jsdom
// (also set in web/vite.config.ts; repeated so the service's own `vitest run` can run this file too)
import { describe, expect, it } from 'vitest';

import { duration, humanise, percent, safeHttpUrl } from './format';

describe('format', () => {
  it('shows scores as whole percentages, clamped', () => {
    expect(percent(0.934)).toBe('93%');
    expect(percent(1.2)).toBe('100%');
    expect(percent(-0.1)).toBe('0%');
  });

  it('reads durations and field keys for people', () => {
    expect(duration(21.4)).toBe('21 ms');
    expect(duration(1530)).toBe('1.5 s');
    expect(humanise('sleeve_length')).toBe('Sleeve length');
  });

  it('keeps only http(s) links from the product index', () => {
    expect(safeHttpUrl('https://shop.example/p/1')).toBe('https://shop.example/p/1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
  });
});
