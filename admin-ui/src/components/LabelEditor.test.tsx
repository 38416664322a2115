import { fireEvent, render, screen } from '@testing-library/react';

import { LabelEditor, parseList } from './LabelEditor';

const labels = { category: 'Dresses', attributes: {}, colors: ['red'] };

describe('label editor', () => {
	it("offers the shop's own category names and still takes a typed one", () => {
		const onChange = jest.fn();
		const { container } = render(
			<LabelEditor
				labels={labels}
				onChange={onChange}
				idPrefix="kalas-iris-7"
				categories={['Frocks', 'Tees & Tanks']}
			/>
		);
		const input = screen.getByLabelText('Category');
		const list = container.querySelector(
			`datalist#${input.getAttribute('list')}`
		);
		expect(
			Array.from(list?.querySelectorAll('option') ?? []).map(
				(o) => o.value
			)
		).toEqual(['Frocks', 'Tees & Tanks']);

		fireEvent.change(input, { target: { value: 'Jumpsuits' } });
		expect(onChange).toHaveBeenLastCalledWith({
			...labels,
			category: 'Jumpsuits',
		});
	});

	it('offers no list when the shop has no categories', () => {
		const { container } = render(
			<LabelEditor
				labels={labels}
				onChange={jest.fn()}
				idPrefix="kalas-iris-8"
			/>
		);
		expect(screen.getByLabelText('Category').hasAttribute('list')).toBe(
			false
		);
		expect(container.querySelector('datalist')).toBeNull();
	});

	it('reads colours from a comma-separated list', () => {
		expect(parseList(' red, ,navy blue ,')).toEqual(['red', 'navy blue']);
	});
});
