import apiFetch from '@wordpress/api-fetch';
import { act, fireEvent, render, screen } from '@testing-library/react';

import type { ReindexProgress } from '../types';
import { ReindexPanel } from './ReindexPanel';

jest.mock('@wordpress/api-fetch', () => ({
	__esModule: true,
	default: jest.fn(),
}));
const mockedFetch = apiFetch as unknown as jest.Mock;

const base: Omit<ReindexProgress, 'state' | 'stale_now'> = {
	total: 0,
	done: 0,
	failed: 0,
	started_at: null,
	finished_at: null,
	report: null,
};

describe('ReindexPanel', () => {
	afterEach(() => {
		mockedFetch.mockReset();
		jest.useRealTimers();
	});

	it('says how many products an older model indexed, starts the reindex and follows it to the end', async () => {
		jest.useFakeTimers();
		let answers: ReindexProgress[] = [
			{ ...base, state: 'idle', stale_now: 3 },
		];
		mockedFetch.mockImplementation(({ method }: { method: string }) => {
			if (method === 'POST') {
				answers = [
					{ ...base, state: 'running', total: 3, stale_now: 3 },
					{
						...base,
						state: 'done',
						total: 3,
						done: 3,
						failed: 1,
						stale_now: 1,
						report: {
							reindexed: 2,
							failed: [{ id: '7', error: 'HTTP 404' }],
							without_url: [],
						},
					},
				];
			}
			return Promise.resolve(
				answers.length > 1 ? answers.shift() : answers[0]
			);
		});
		render(<ReindexPanel />);
		expect(
			(await screen.findByTestId('reindex-state')).textContent
		).toMatch(/^3 products were indexed by an older model/);

		await act(async () => {
			fireEvent.click(
				screen.getByRole('button', { name: 'Analyse them again' })
			);
		});
		expect(mockedFetch).toHaveBeenCalledWith(
			expect.objectContaining({
				path: '/kalas-iris/v1/reindex',
				method: 'POST',
			})
		);
		expect(
			screen.getByRole('progressbar', { name: 'Reindex progress' })
		).toBeTruthy();
		// No second start while it runs.
		expect(
			screen.queryByRole('button', { name: 'Analyse them again' })
		).toBeNull();

		await act(async () => {
			jest.advanceTimersByTime(2000);
		});
		expect(screen.getByTestId('reindex-done').textContent).toBe('3');
		expect(screen.getByTestId('reindex-failed').textContent).toBe('1');
		// The notice, and its copy for screen readers.
		expect(
			screen.getAllByText(/1 products could not be fetched/).length
		).toBeGreaterThan(0);
	});

	it('says so when every product is up to date, and offers nothing to start', async () => {
		mockedFetch.mockResolvedValue({ ...base, state: 'idle', stale_now: 0 });
		render(<ReindexPanel />);
		expect(
			(await screen.findByTestId('reindex-state')).textContent
		).toMatch(/up to date/);
		expect(screen.queryByRole('button')).toBeNull();
	});

	it('shows the error when the service cannot be asked', async () => {
		mockedFetch.mockRejectedValue({
			code: 'service_unreachable',
			message: 'The Kalas Iris service did not answer.',
			data: { status: 502 },
		});
		render(<ReindexPanel />);
		expect(
			(
				await screen.findAllByText(
					'The Kalas Iris service did not answer.'
				)
			).length
		).toBeGreaterThan(0);
	});
});
