import { fireEvent, render, screen } from '@testing-library/react';

import { Pager } from './Pager';

describe('Pager', () => {
	it('is absent when everything fits on one page', () => {
		const { container } = render(
			<Pager page={1} perPage={20} total={20} onPage={jest.fn()} />
		);
		expect(container.textContent).toBe('');
	});

	it('names the page and moves within the bounds', () => {
		const onPage = jest.fn();
		render(<Pager page={3} perPage={20} total={41} onPage={onPage} />);
		expect(screen.getByText('Page 3 of 3')).toBeTruthy();
		expect(
			(
				screen.getByRole('button', {
					name: 'Next page',
				}) as HTMLButtonElement
			).disabled
		).toBe(true);
		fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
		expect(onPage).toHaveBeenCalledWith(2);
	});
});
