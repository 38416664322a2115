import { render, screen } from '@testing-library/react';

import type { Annotation } from '../types';
import { AnnotationView } from './AnnotationView';

const sure = (label: string, score: number) => ({
	label,
	score,
	confident: true,
	alternatives: [],
});

const annotation: Annotation = {
	category: sure('Dresses', 0.91),
	attributes: { pattern: { ...sure('Floral', 0.4), confident: false } },
	colors: [{ name: 'red', hex: '#c62828', share: 0.7 }],
	model: { name: 'kalas-fashion-mnv2', version: '0.1.0' },
	timing_ms: 20,
};

const row = (field: string) =>
	screen.getByRole('rowheader', { name: field }).closest('tr')!.textContent;

describe('AnnotationView', () => {
	it('shows the model’s labels with their confidence, unsure ones marked', () => {
		render(<AnnotationView annotation={annotation} />);
		expect(row('category')).toBe('categoryDresses 91%');
		expect(row('pattern')).toBe('patternFloral 40% (unsure)');
		expect(
			screen.queryByRole('rowheader', { name: 'your category' })
		).toBeNull();
	});

	it('shows the shop’s own category first, once it has learned it', () => {
		render(
			<AnnotationView
				annotation={{
					...annotation,
					shop: { category: sure('Frocks', 0.82) },
				}}
			/>
		);
		expect(row('your category')).toBe('your categoryFrocks 82%');
		expect(screen.getAllByRole('rowheader')[0]!.textContent).toBe(
			'your category'
		);
	});
});
