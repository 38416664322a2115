import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';

import { store } from './index';
import { learned, relearned } from '../testing/learn-fixtures';

jest.mock('@wordpress/api-fetch', () => ({
	__esModule: true,
	default: jest.fn(),
}));
const mockedFetch = apiFetch as unknown as jest.Mock;

/** A request the test answers when it chooses. */
function deferred() {
	let resolve: (value: unknown) => void = () => undefined;
	let reject: (reason: unknown) => void = () => undefined;
	const promise = new Promise((yes, no) => {
		resolve = yes;
		reject = no;
	});
	// A test may leave it unanswered or rejected; that is not an unhandled rejection.
	promise.catch(() => undefined);
	return { promise, resolve, reject };
}

/**
 * Answers each plugin path (without the namespace) with its value, or with the promise
 * given for it; the paths asked for are kept in order.
 *
 * @param routes Answers by exact path.
 */
function serve(routes: Record<string, unknown>) {
	const answers = { ...routes };
	mockedFetch.mockImplementation(({ path }: { path: string }) => {
		const key = path.slice('/kalas-iris/v1'.length);
		return key in answers
			? Promise.resolve(answers[key])
			: Promise.reject({ code: 'no_route', message: `no ${path}` });
	});
	return {
		set: (path: string, answer: unknown) => {
			answers[path] = answer;
		},
		paths: () =>
			mockedFetch.mock.calls.map((call) =>
				(call[0].path as string).slice('/kalas-iris/v1'.length)
			),
	};
}

/** Lets every answer given so far reach the thunks waiting on it. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function freshRegistry() {
	const registry = createRegistry();
	registry.register(store);
	return registry;
}

/** A page of the review queue (21 products in all) holding one product. */
const reviewPage = (page: number, id: number) => ({
	items: [{ id }],
	total: 21,
	page,
	per_page: 20,
});
describe('admin store thunks', () => {
	beforeEach(() => mockedFetch.mockReset());

	it('saves settings through the plugin route and stores the answer', async () => {
		const registry = freshRegistry();
		mockedFetch.mockResolvedValueOnce({
			service_url: 'http://svc',
			has_api_key: true,
			mode: 'review',
		});

		const ok = await registry
			.dispatch(store)
			.saveSettings({ mode: 'review', api_key: null });

		expect(ok).toBe(true);
		expect(mockedFetch).toHaveBeenCalledWith({
			path: '/kalas-iris/v1/settings',
			method: 'POST',
			data: { mode: 'review', api_key: null },
			body: undefined,
		});
		expect(registry.select(store).getSettings()?.mode).toBe('review');
		expect(registry.select(store).isSaving()).toBe(false);
	});

	it('records a failed request as the area error, in one place', async () => {
		const registry = freshRegistry();
		mockedFetch.mockRejectedValueOnce({
			code: 'service_unreachable',
			message: 'The Kalas Iris service did not answer.',
			data: { status: 502 },
		});

		await registry.dispatch(store).testConnection();

		expect(registry.select(store).getConnection().status).toBe('error');
		expect(registry.select(store).getError('connection')).toEqual({
			code: 'service_unreachable',
			message: 'The Kalas Iris service did not answer.',
			status: 502,
			details: undefined,
		});
	});

	it('clears the error on the next success', async () => {
		const registry = freshRegistry();
		mockedFetch.mockRejectedValueOnce({ code: 'x', message: 'down' });
		await registry.dispatch(store).loadBackfill();
		mockedFetch.mockResolvedValueOnce({
			state: 'paused',
			total: 10,
			done: 4,
			failed: 0,
		});
		await registry.dispatch(store).controlBackfill('pause');

		expect(mockedFetch).toHaveBeenLastCalledWith(
			expect.objectContaining({
				path: '/kalas-iris/v1/backfill/pause',
				method: 'POST',
			})
		);
		expect(registry.select(store).getError('backfill')).toBeNull();
		expect(registry.select(store).getBackfill()?.state).toBe('paused');
	});

	it('removes accepted items from the review page', async () => {
		const registry = freshRegistry();
		mockedFetch.mockResolvedValueOnce({
			items: [{ id: 1 }, { id: 2 }],
			total: 2,
			page: 1,
			per_page: 20,
		});
		await registry.dispatch(store).loadReview(1);
		mockedFetch.mockResolvedValueOnce({
			results: [
				{ id: 1, status: 'applied' },
				{ id: 2, status: 'error' },
			],
		});
		await registry.dispatch(store).decideBulk([1, 2], 'accept');

		expect(
			registry
				.select(store)
				.getReviewPage()
				?.items.map((i) => i.id)
		).toEqual([2]);
		expect(registry.select(store).isReviewBusy(1)).toBe(false);
	});

	it('keeps the newest page of the review queue when an older answer comes after it', async () => {
		const registry = freshRegistry();
		const pages = [deferred(), deferred()];
		serve({
			'/review?page=1&per_page=20': pages[0]!.promise,
			'/review?page=2&per_page=20': pages[1]!.promise,
		});
		const older = registry.dispatch(store).loadReview(1);
		const newer = registry.dispatch(store).loadReview(2);
		pages[1]!.resolve(reviewPage(2, 21));
		await newer;
		expect(registry.select(store).getReviewPage()?.page).toBe(2);
		pages[0]!.resolve(reviewPage(1, 1));
		await older;

		expect(registry.select(store).getReviewPage()?.page).toBe(2);
		expect(registry.select(store).isReviewLoading()).toBe(false);
	});

	it('keeps the review queue loading, without an error, while only an older read has ended', async () => {
		const registry = freshRegistry();
		const pages = [deferred(), deferred()];
		serve({
			'/review?page=1&per_page=20': pages[0]!.promise,
			'/review?page=2&per_page=20': pages[1]!.promise,
		});
		const older = registry.dispatch(store).loadReview(1);
		const newer = registry.dispatch(store).loadReview(2);
		pages[0]!.reject({ code: 'service_unreachable', message: 'Down.' });
		await older;
		expect(registry.select(store).isReviewLoading()).toBe(true);
		expect(registry.select(store).getError('review')).toBeNull();

		pages[1]!.resolve(reviewPage(2, 21));
		await newer;
		expect(registry.select(store).getReviewPage()?.page).toBe(2);
		expect(registry.select(store).isReviewLoading()).toBe(false);
	});

	it('keeps the newest page of web corrections when answers come out of order', async () => {
		const registry = freshRegistry();
		const answers: Array<(value: unknown) => void> = [];
		mockedFetch.mockImplementation(
			() => new Promise((resolve) => answers.push(resolve))
		);
		const older = registry.dispatch(store).loadCorrections(1, 'pending');
		const newer = registry.dispatch(store).loadCorrections(2);
		answers[1]!({ items: [], total: 30, page: 2, per_page: 20 });
		await newer;
		answers[0]!({ items: [], total: 7, page: 1, per_page: 20 });
		await older;

		expect(mockedFetch.mock.calls.map((call) => call[0].path)).toEqual([
			'/kalas-iris/v1/corrections?review=pending&page=1',
			'/kalas-iris/v1/corrections?review=pending&page=2',
		]);
		expect(registry.select(store).getCorrectionsPage()?.page).toBe(2);
		expect(registry.select(store).isCorrectionsLoading()).toBe(false);
	});

	it('reads the last page there is when a decision empties the last one', async () => {
		const registry = freshRegistry();
		mockedFetch.mockResolvedValueOnce(reviewPage(2, 41));
		await registry.dispatch(store).loadCorrections(2, 'accepted');
		mockedFetch
			.mockResolvedValueOnce({ id: 41, review: 'pending' })
			.mockResolvedValueOnce({
				items: [],
				total: 20,
				page: 2,
				per_page: 20,
			})
			.mockResolvedValueOnce({
				items: [{ id: 1 }],
				total: 20,
				page: 1,
				per_page: 20,
			});
		await registry.dispatch(store).decideCorrection(41, 'pending');

		expect(mockedFetch.mock.calls.map((call) => call[0].path)).toEqual([
			'/kalas-iris/v1/corrections?review=accepted&page=2',
			'/kalas-iris/v1/corrections/41',
			'/kalas-iris/v1/corrections?review=accepted&page=2',
			'/kalas-iris/v1/corrections?review=accepted&page=1',
		]);
		expect(mockedFetch.mock.calls[1][0].data).toEqual({
			review: 'pending',
		});
		expect(registry.select(store).getCorrectionsPage()).toEqual({
			items: [{ id: 1 }],
			total: 20,
			page: 1,
			per_page: 20,
		});
		expect(registry.select(store).getCorrectionsRequested()).toEqual({
			review: 'accepted',
			page: 1,
		});
		expect(registry.select(store).getCorrectionsBusy()).toEqual([]);
	});

	it('after a decision, reads the page asked for meanwhile, not the one still shown', async () => {
		const registry = freshRegistry();
		const post = deferred();
		const next = deferred();
		const answers = serve({
			'/corrections?review=pending&page=1': {
				items: [{ id: 1 }],
				total: 25,
				page: 1,
				per_page: 20,
			},
			'/corrections/1': post.promise,
			'/corrections?review=pending&page=2': next.promise,
		});
		await registry.dispatch(store).loadCorrections(1, 'pending');
		const decision = registry
			.dispatch(store)
			.decideCorrection(1, 'accepted');
		// Next page is clicked; the decision's answer comes before that page's.
		const turn = registry.dispatch(store).loadCorrections(2);
		post.resolve({ id: 1, review: 'accepted' });
		await flush();
		next.resolve({ items: [{ id: 22 }], total: 24, page: 2, per_page: 20 });
		await Promise.all([decision, turn]);

		expect(answers.paths()).toEqual([
			'/corrections?review=pending&page=1',
			'/corrections/1',
			'/corrections?review=pending&page=2',
			'/corrections?review=pending&page=2',
		]);
		expect(registry.select(store).getCorrectionsPage()?.page).toBe(2);
		expect(registry.select(store).isCorrectionsLoading()).toBe(false);
	});

	it('shows the last page there is when two decisions at once empty the last one', async () => {
		const registry = freshRegistry();
		const posts = [deferred(), deferred()];
		const answers = serve({
			'/corrections?review=pending&page=2': {
				items: [{ id: 21 }, { id: 22 }],
				total: 22,
				page: 2,
				per_page: 20,
			},
			'/corrections/21': posts[0]!.promise,
			'/corrections/22': posts[1]!.promise,
			'/corrections?review=pending&page=1': {
				items: [{ id: 1 }],
				total: 20,
				page: 1,
				per_page: 20,
			},
		});
		await registry.dispatch(store).loadCorrections(2, 'pending');
		const decisions = [
			registry.dispatch(store).decideCorrection(21, 'rejected'),
			registry.dispatch(store).decideCorrection(22, 'rejected'),
		];
		answers.set('/corrections?review=pending&page=2', {
			items: [],
			total: 20,
			page: 2,
			per_page: 20,
		});
		posts[0]!.resolve({ id: 21, review: 'rejected' });
		posts[1]!.resolve({ id: 22, review: 'rejected' });
		await Promise.all(decisions);

		expect(registry.select(store).getCorrectionsPage()?.page).toBe(1);
		expect(registry.select(store).getCorrectionsPage()?.total).toBe(20);
		expect(registry.select(store).getCorrectionsBusy()).toEqual([]);
	});

	it('drops a read of the last learning that a run overtook, answer or error', async () => {
		const registry = freshRegistry();
		const opening = [deferred(), deferred()];
		let reads = 0;
		mockedFetch.mockImplementation(({ method }: { method?: string }) => {
			if (method === 'POST') {
				return Promise.resolve(learned);
			}
			reads += 1;
			return reads <= 2
				? opening[reads - 1]!.promise
				: Promise.resolve({
						...learned,
						service: relearned,
						service_error: null,
					});
		});
		// Two screens open the panel; their reads are slow (the service is asked too).
		const first = registry.dispatch(store).loadLearn();
		const second = registry.dispatch(store).loadLearn();
		await registry.dispatch(store).learnCatalogue();
		expect(registry.select(store).getLearn().service).toEqual(relearned);

		// What the service had before the run: nothing learned.
		opening[0]!.resolve({
			learned: false,
			service: { fields: {}, running: false, next_run_at: null },
			service_error: null,
		});
		opening[1]!.reject({
			code: 'service_unreachable',
			message: 'The Kalas Iris service did not answer.',
		});
		await Promise.all([first, second]);

		expect(registry.select(store).getLearn()).toEqual(
			expect.objectContaining({
				running: false,
				result: expect.objectContaining({
					learned_at: learned.learned_at,
				}),
				service: relearned,
			})
		);
		expect(registry.select(store).getError('learn')).toBeNull();
	});

	it('keeps the page and says why when a decision on a correction fails', async () => {
		const registry = freshRegistry();
		mockedFetch.mockResolvedValueOnce({
			items: [{ id: 3 }],
			total: 1,
			page: 1,
			per_page: 20,
		});
		await registry.dispatch(store).loadCorrections();
		mockedFetch.mockRejectedValueOnce({
			code: 'feedback_not_found',
			message: 'There is no such correction.',
			data: { status: 404 },
		});
		await registry.dispatch(store).decideCorrection(3, 'accepted');

		expect(registry.select(store).getError('corrections')?.code).toBe(
			'feedback_not_found'
		);
		expect(
			registry
				.select(store)
				.getCorrectionsPage()
				?.items.map((i) => i.id)
		).toEqual([3]);
		expect(registry.select(store).getCorrectionsBusy()).toEqual([]);
	});

	it('uploads Try-it photos as multipart', async () => {
		const registry = freshRegistry();
		mockedFetch.mockResolvedValueOnce({
			annotation: {},
			suggestion: {},
			similar: [],
		});
		await registry
			.dispatch(store)
			.tryImage(new File(['x'], 'a.jpg', { type: 'image/jpeg' }));

		const call = mockedFetch.mock.calls[0][0] as {
			body: FormData;
			path: string;
		};
		expect(call.path).toBe('/kalas-iris/v1/try');
		expect(call.body.get('image')).toBeInstanceOf(File);
		expect(registry.select(store).getTry().status).toBe('done');
	});
});
