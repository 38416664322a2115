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
	learned_at: '2026-11-27T17:20:00Z',
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

/** GET /learn answers `last`; POST /learn runs `post`. */
function answer(last: LearnResult | null, post: () => Promise<unknown>) {
	mockedFetch.mockImplementation(({ method }: { method?: string }) =>
		method === 'POST' ? post() : Promise.resolve(last)
	);
}

describe('LearnPanel', () => {
	afterEach(() => mockedFetch.mockReset());

	it('shows the error when the service cannot learn, and can be tried again', async () => {
		answer(null, () =>
			Promise.reject({
				code: 'service_unreachable',
				message: 'The Kalas Iris service did not answer.',
				data: { status: 502 },
			})
		);
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
		answer(
			null,
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

	it('shows the last learning, such as the one after a backfill, when the page opens', async () => {
		answer(learned, () => Promise.reject(new Error('not asked')));
		render(<LearnPanel />);
		expect((await screen.findByTestId('learn-result')).textContent).toMatch(
			/^Learned 7 categories from 96 products\./
		);
		expect(screen.getByTestId('learn-when').textContent).toMatch(
			/^Last learned /
		);
		expect(mockedFetch).not.toHaveBeenCalledWith(
			expect.objectContaining({ method: 'POST' })
		);
	});

	it('shows the last result again when learning again fails', async () => {
		let fail: (e: unknown) => void = () => undefined;
		answer(
			learned,
			() =>
				new Promise((_, reject) => {
					fail = reject;
				})
		);
		render(<LearnPanel />);
		await screen.findByTestId('learn-result');
		await act(async () => {
			fireEvent.click(learnButton());
		});
		expect(
			screen.getByRole('button', { name: 'Learning…' })
		).toHaveProperty('disabled', true);
		await act(async () =>
			fail({
				code: 'service_unreachable',
				message: 'The Kalas Iris service did not answer.',
				data: { status: 502 },
			})
		);
		expect(
			screen.getAllByText('The Kalas Iris service did not answer.').length
		).toBeGreaterThan(0);
		expect(screen.getByTestId('learn-result').textContent).toMatch(
			/^Learned 7 categories/
		);
		expect(learnButton()).toHaveProperty('disabled', false);
	});

	it('says why there is nothing to learn', async () => {
		answer(null, () =>
			Promise.resolve({
				products: 40,
				labelled: 1,
				missing: 0,
				learned_at: '2026-11-27T17:20:00Z',
				report: { fields: {}, corrections: 0 },
			})
		);
		render(<LearnPanel />);
		await act(async () => {
			fireEvent.click(learnButton());
		});
		expect(screen.getByTestId('learn-result').textContent).toMatch(
			/^Nothing to learn yet: of 40 indexed products, 1 have exactly one category/
		);
	});
});
