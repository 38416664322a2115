import { formatEta, percent } from './format';

describe('format', () => {
	it('formats estimates', () => {
		expect(formatEta(null)).toBeNull();
		expect(formatEta(30)).toBe('less than a minute');
		expect(formatEta(600)).toBe('about 10 min');
		expect(formatEta(7200)).toBe('about 2 h');
		expect(formatEta(5400)).toBe('about 1 h 30 min');
	});

	it('formats scores', () => {
		expect(percent(0.934)).toBe('93%');
	});
});
