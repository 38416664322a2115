import apiFetch from '@wordpress/api-fetch';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import { BackfillPage } from './BackfillPage';

jest.mock('@wordpress/api-fetch', () => ({
	__esModule: true,
	default: jest.fn(),
}));
const mockedFetch = apiFetch as unknown as jest.Mock;

const idle = {
	state: 'idle',
	total: 0,
	done: 0,
	failed: 0,
	processed: 0,
	remaining: 0,
	eta_seconds: null,
	started_at: null,
	updated_at: null,
	error: null,
	retry_at: null,
};
const running = {
	...idle,
	state: 'running',
	total: 40,
	done: 20,
	processed: 20,
	remaining: 20,
	eta_seconds: 90,
};

describe('BackfillPage', () => {
	it('starts a backfill, shows a real progress bar and the job counts', async () => {
		let started = false;
		mockedFetch.mockImplementation(({ path }: { path: string }) => {
			if (path.endsWith('/jobs')) {
				return Promise.resolve({ counts: { retrying: 2, failed: 1 } });
			}
			if (path.endsWith('/learn')) {
				return Promise.resolve(null);
			}
			if (path.endsWith('/reindex')) {
				return Promise.resolve({
					state: 'idle',
					total: 0,
					done: 0,
					failed: 0,
					stale_now: 0,
					report: null,
				});
			}
			if (path.endsWith('/backfill/start')) {
				started = true;
			}
			return Promise.resolve(started ? running : idle);
		});
		render(<BackfillPage />);
		const start = await screen.findByRole('button', {
			name: 'Start backfill',
		});

		await act(async () => {
			fireEvent.click(start);
		});

		expect(mockedFetch).toHaveBeenCalledWith(
			expect.objectContaining({
				path: '/kalas-iris/v1/backfill/start',
				method: 'POST',
			})
		);
		const bar = await screen.findByRole('progressbar');
		expect(bar.getAttribute('aria-valuenow')).toBe('20');
		expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
		expect(
			screen.queryByRole('button', { name: 'Start backfill' })
		).toBeNull();

		const jobs = screen.getByRole('table', { name: 'Annotation jobs' });
		const retrying = within(jobs)
			.getByText('Service unavailable, retrying')
			.closest('tr') as HTMLElement;
		expect(within(retrying).getByText('2')).toBeTruthy();
	});
});
