import apiFetch from '@wordpress/api-fetch';
import { act, fireEvent, render, screen } from '@testing-library/react';

import type { LearnResult } from '../types';
import { LearnPanel } from './LearnPanel';

jest.mock('@wordpress/api-fetch', () => ({
	__esModule: true,
	default: jest.fn(),
}));
const mockedFetch = apiFetch as unknown as jest.Mock;

const learned: LearnResult = {
	products: 120,
	labelled: 96,
	missing: 0,
	report: {
		fields: {
			category: {
				labels: 7,
				examples: 96,
				holdout_accuracy: 0.912,
				seconds: 0.4,
			},
		},
		corrections: 2,
	},
};

const learnButton = () =>
	screen.getByRole('button', { name: 'Learn from my catalogue' });

describe('LearnPanel', () => {
	afterEach(() => mockedFetch.mockReset());

	it('shows the error when the service cannot learn, and can be tried again', async () => {
		mockedFetch.mockRejectedValue({
			code: 'service_unreachable',
			message: 'The Kalas Iris service did not answer.',
			data: { status: 502 },
		});
		render(<LearnPanel />);
		await act(async () => {
			fireEvent.click(learnButton());
		});
		expect(
			screen.getAllByText('The Kalas Iris service did not answer.').length
		).toBeGreaterThan(0);
		expect(screen.queryByTestId('learn-result')).toBeNull();
		expect(learnButton()).toBeTruthy();
	});

	it('learns on request and says what it learned, in plain words', async () => {
		let resolve: (r: LearnResult) => void = () => undefined;
		mockedFetch.mockImplementation(
			() =>
				new Promise<LearnResult>((r) => {
					resolve = r;
				})
		);
		render(<LearnPanel />);
		await act(async () => {
			fireEvent.click(learnButton());
		});
		expect(mockedFetch).toHaveBeenCalledWith(
			expect.objectContaining({
				path: '/kalas-iris/v1/learn',
				method: 'POST',
			})
		);
		// One run at a time.
		expect(
			screen.getByRole('button', { name: 'Learning…' })
		).toHaveProperty('disabled', true);
		await act(async () => resolve(learned));
		expect(screen.getByTestId('learn-result').textContent).toBe(
			'Learned 7 categories from 96 products. On products it set aside while learning, it named 91% correctly.'
		);
	});

	it('says why there is nothing to learn', async () => {
		mockedFetch.mockResolvedValue({
			products: 40,
			labelled: 1,
			missing: 0,
			report: { fields: {}, corrections: 0 },
		});
		render(<LearnPanel />);
		await act(async () => {
			fireEvent.click(learnButton());
		});
		expect(screen.getByTestId('learn-result').textContent).toMatch(
			/^Nothing to learn yet: of 40 indexed products, 1 have exactly one category/
		);
	});
});
