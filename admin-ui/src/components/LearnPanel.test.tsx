import apiFetch from '@wordpress/api-fetch';
import { act, fireEvent, render, screen } from '@testing-library/react';

import {
	SERVICE_ERROR,
	learned,
	learnedNothing,
	relearned,
	status,
} from '../testing/learn-fixtures';
import type { LearnResult, LearnStatus, ServiceLearnStatus } from '../types';
import { LEARN_POLL_MS, LearnPanel } from './LearnPanel';

jest.mock('@wordpress/api-fetch', () => ({
	__esModule: true,
	default: jest.fn(),
}));
const mockedFetch = apiFetch as unknown as jest.Mock;

const learnButton = () =>
	screen.getByRole('button', { name: 'Learn from my catalogue' });

/**
 * GET /learn answers `last`; POST /learn runs `post`, and what it answers is what GET
 * answers from then on, as the plugin keeps it.
 *
 * @param last What GET answers first.
 * @param post The run.
 */
function answer(
	last: LearnResult | LearnStatus | null,
	post: () => Promise<unknown>
) {
	let stored = last;
	mockedFetch.mockImplementation(({ method }: { method?: string }) =>
		method === 'POST'
			? post().then((result) => {
					stored = result as LearnResult;
					return result;
				})
			: Promise.resolve(stored)
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
		answer(null, () => Promise.resolve(learnedNothing));
		render(<LearnPanel />);
		await act(async () => {
			fireEvent.click(learnButton());
		});
		expect(screen.getByTestId('learn-result').textContent).toMatch(
			/^Nothing to learn yet: of 40 indexed products, 1 have exactly one category/
		);
	});

	it("prefers the service's figures, which count what it learned by itself, and falls back to the plugin's report without them", async () => {
		answer(status(learned, relearned), () =>
			Promise.reject(new Error('not asked'))
		);
		const { unmount } = render(<LearnPanel />);
		expect((await screen.findByTestId('learn-result')).textContent).toBe(
			'Learned 9 categories from 110 products. On products it set aside while learning, it named 87% correctly.'
		);
		unmount();

		answer(status(learned, null), () =>
			Promise.reject(new Error('not asked'))
		);
		render(<LearnPanel />);
		await act(async () => undefined);
		expect(screen.getByTestId('learn-result').textContent).toBe(
			'Learned 7 categories from 96 products. On products it set aside while learning, it named 91% correctly.'
		);
		expect(screen.getByTestId('learn-when').textContent).toBe(
			`Last learned ${new Date(learned.learned_at).toLocaleString()}. `
		);
	});

	it("says why the service could not be asked, and that the site's own record is shown instead", async () => {
		answer(status(learned, null), () =>
			Promise.reject(new Error('not asked'))
		);
		const { unmount } = render(<LearnPanel />);
		expect(
			(await screen.findByTestId('learn-service-error')).textContent
		).toBe(
			`${SERVICE_ERROR} Shown here is this site's own record of its last learning.`
		);
		expect(screen.getByTestId('learn-result').textContent).toMatch(
			/^Learned 7 categories from 96 products\./
		);
		unmount();

		// Without a record, there is only the reason to show.
		answer(status(null, null), () =>
			Promise.reject(new Error('not asked'))
		);
		const { unmount: close } = render(<LearnPanel />);
		await act(async () => undefined);
		expect(screen.getByTestId('learn-service-error').textContent).toBe(
			SERVICE_ERROR
		);
		expect(screen.queryByTestId('learn-result')).toBeNull();
		close();

		// A service that answers has no reason to give.
		answer(status(learned, relearned), () =>
			Promise.reject(new Error('not asked'))
		);
		render(<LearnPanel />);
		await act(async () => undefined);
		expect(screen.queryByTestId('learn-service-error')).toBeNull();
	});

	it('says when it last learned, by whichever learned last', async () => {
		answer(status(learned, relearned), () =>
			Promise.reject(new Error('not asked'))
		);
		const { unmount } = render(<LearnPanel />);
		expect((await screen.findByTestId('learn-when')).textContent).toBe(
			`Last learned ${new Date('2026-11-28T01:20:00.000Z').toLocaleString()}. `
		);
		unmount();

		// The plugin's run is the newer one (the service's head dates from before it).
		const older = {
			...relearned,
			fields: {
				category: {
					...relearned.fields.category,
					trained_at: '2026-11-27T09:00:00.000Z',
				},
			},
		};
		answer(status(learned, older), () =>
			Promise.reject(new Error('not asked'))
		);
		render(<LearnPanel />);
		await act(async () => undefined);
		expect(screen.getByTestId('learn-when').textContent).toBe(
			`Last learned ${new Date(learned.learned_at).toLocaleString()}. `
		);
	});

	it('shows what the service learned by itself, also without a run of the plugin', async () => {
		answer(status(null, relearned), () =>
			Promise.reject(new Error('not asked'))
		);
		render(<LearnPanel />);
		expect((await screen.findByTestId('learn-result')).textContent).toMatch(
			/^Learned 9 categories from 110 products\./
		);
	});

	it('says when what the service learned was learned with the previous model', async () => {
		const stale = {
			...relearned,
			fields: {
				category: { ...relearned.fields.category!, stale: true },
			},
		};
		answer(status(null, stale), () =>
			Promise.reject(new Error('not asked'))
		);
		render(<LearnPanel />);
		expect((await screen.findByTestId('learn-stale')).textContent).toMatch(
			/learned with the previous model/
		);
	});

	it('says nothing of the previous model when the service learned with this one', async () => {
		answer(status(null, relearned), () =>
			Promise.reject(new Error('not asked'))
		);
		render(<LearnPanel />);
		await screen.findByTestId('learn-result');
		expect(screen.queryByTestId('learn-stale')).toBeNull();
	});

	it('says when the service is learning by itself, but not during its own run', async () => {
		let finish: (r: LearnResult) => void = () => undefined;
		answer(
			status(learned, { ...relearned, running: true }),
			() =>
				new Promise<LearnResult>((r) => {
					finish = r;
				})
		);
		render(<LearnPanel />);
		expect(await screen.findByText('Learning now…')).toBeTruthy();
		await act(async () => {
			fireEvent.click(learnButton());
		});
		expect(screen.queryByText('Learning now…')).toBeNull();
		// The store outlives the test: its run ends.
		await act(async () => finish(learned));
	});

	it('says when the latest corrections will be learned: the time today, the date too on another day', async () => {
		const today = new Date();
		today.setHours(12, 0, 0, 0);
		const laterToday = today.toISOString();
		answer(status(learned, { ...relearned, next_run_at: laterToday }), () =>
			Promise.reject(new Error('not asked'))
		);
		const { unmount } = render(<LearnPanel />);
		expect(
			await screen.findByText(
				`Your latest corrections will be learned around ${new Date(laterToday).toLocaleTimeString()}.`
			)
		).toBeTruthy();
		expect(screen.queryByText('Learning now…')).toBeNull();
		unmount();

		const tomorrow = new Date(
			Date.now() + 2 * 24 * 60 * 60 * 1000
		).toISOString();
		answer(status(learned, { ...relearned, next_run_at: tomorrow }), () =>
			Promise.reject(new Error('not asked'))
		);
		render(<LearnPanel />);
		expect(
			await screen.findByText(
				`Your latest corrections will be learned around ${new Date(tomorrow).toLocaleString()}.`
			)
		).toBeTruthy();
	});

	it('follows the service while it is about to learn, and stops once it has', async () => {
		jest.useFakeTimers();
		try {
			const soon = new Date(Date.now() + 60_000).toISOString();
			answer(status(learned, { ...relearned, next_run_at: soon }), () =>
				Promise.reject(new Error('not asked'))
			);
			render(<LearnPanel />);
			await act(async () => undefined);
			const reads = () =>
				mockedFetch.mock.calls.filter(
					([o]: [{ method?: string }]) => o.method !== 'POST'
				).length;
			expect(reads()).toBe(1);
			// Until that time it does not ask again.
			await act(async () => {
				jest.advanceTimersByTime(LEARN_POLL_MS);
			});
			expect(reads()).toBe(1);
			// Learned meanwhile: the next read says so, and the panel stops asking.
			answer(status(learned, { ...relearned, next_run_at: null }), () =>
				Promise.reject(new Error('not asked'))
			);
			await act(async () => {
				jest.advanceTimersByTime(60_000);
			});
			expect(reads()).toBe(2);
			expect(
				screen.queryByText(/Your latest corrections will be learned/)
			).toBeNull();
			await act(async () => {
				jest.advanceTimersByTime(10 * LEARN_POLL_MS);
			});
			expect(reads()).toBe(2);
		} finally {
			jest.useRealTimers();
		}
	});

	it("does not show the plugin's record for a service that answered without having learned", async () => {
		const wiped: ServiceLearnStatus = {
			fields: {},
			running: false,
			next_run_at: null,
		};
		answer(status(learned, wiped), () =>
			Promise.reject(new Error('not asked'))
		);
		const { unmount } = render(<LearnPanel />);
		await act(async () => undefined);
		const said = screen.getByTestId('learn-result');
		expect(said.textContent).toBe(
			'The service has not learned your categories (yet).'
		);
		expect(said.closest('.components-notice')?.className).toMatch(
			/is-warning/
		);
		expect(screen.queryByText(/Learned 7 categories/)).toBeNull();
		expect(screen.queryByTestId('learn-when')).toBeNull();
		unmount();

		// A run that found nothing to learn agrees with it, and still says why.
		answer(status(learnedNothing, wiped), () =>
			Promise.reject(new Error('not asked'))
		);
		render(<LearnPanel />);
		await act(async () => undefined);
		expect(screen.getByTestId('learn-result').textContent).toMatch(
			/^Nothing to learn yet: of 40 indexed products, 1 have/
		);
		expect(screen.getByTestId('learn-when').textContent).toBe(
			`Last learned ${new Date(learned.learned_at).toLocaleString()}. `
		);
	});

	it("reads the service's status again after its own run", async () => {
		let reads = 0;
		mockedFetch.mockImplementation(({ method }: { method?: string }) => {
			if (method === 'POST') {
				return Promise.resolve(learned);
			}
			reads += 1;
			return Promise.resolve(
				reads === 1 ? status(null, null) : status(learned, relearned)
			);
		});
		render(<LearnPanel />);
		await act(async () => undefined);
		expect(screen.queryByTestId('learn-result')).toBeNull();
		await act(async () => {
			fireEvent.click(learnButton());
		});
		expect(reads).toBe(2);
		expect(screen.getByTestId('learn-result').textContent).toMatch(
			/^Learned 9 categories from 110 products\./
		);
	});
});
