import apiFetch from '@wordpress/api-fetch';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { ReviewPage } from './ReviewPage';

jest.mock('@wordpress/api-fetch', () => ({
	__esModule: true,
	default: jest.fn(),
}));
const mockedFetch = apiFetch as unknown as jest.Mock;

const item = (id: number, name: string) => ({
	id,
	product_id: id,
	name,
	permalink: '',
	edit_url: `/wp-admin/post.php?post=${id}&action=edit`,
	image_url: '',
	status: 'review',
	annotation: {
		suggestion: {
			category: 'Dresses',
			attributes: { usage: 'Casual' },
			colors: ['red'],
		},
	},
	applied: [],
	job: [],
});

describe('ReviewPage', () => {
	it('accepts an edited suggestion and removes it from the list', async () => {
		mockedFetch.mockResolvedValueOnce({
			items: [item(5, 'Red dress'), item(6, 'Blue shirt')],
			total: 2,
			page: 1,
			per_page: 20,
		});
		render(<ReviewPage />);
		await screen.findByText('Red dress');
		expect(screen.getByText('2 waiting for review')).toBeTruthy();

		const first = screen
			.getByText('Red dress')
			.closest('[data-product-id]') as HTMLElement;
		fireEvent.click(
			first.querySelector('button:nth-of-type(2)') as HTMLElement
		);
		fireEvent.change(screen.getByLabelText('usage'), {
			target: { value: 'Formal' },
		});

		mockedFetch.mockResolvedValueOnce({ id: 5, status: 'applied' });
		await act(async () => {
			fireEvent.click(
				screen.getAllByRole('button', { name: 'Accept' })[0]
			);
		});

		expect(mockedFetch).toHaveBeenLastCalledWith(
			expect.objectContaining({
				path: '/kalas-iris/v1/review/5',
				method: 'POST',
				data: {
					decision: 'accept',
					labels: {
						category: 'Dresses',
						attributes: { usage: 'Formal' },
						colors: ['red'],
					},
				},
			})
		);
		expect(screen.queryByText('Red dress')).toBeNull();
		expect(screen.getByText('Blue shirt')).toBeTruthy();
		expect(screen.getByText('1 waiting for review')).toBeTruthy();
	});
});
