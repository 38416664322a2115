import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';

import { store } from './index';

jest.mock('@wordpress/api-fetch', () => ({
	__esModule: true,
	default: jest.fn(),
}));
const mockedFetch = apiFetch as unknown as jest.Mock;

function freshRegistry() {
	const registry = createRegistry();
	registry.register(store);
	return registry;
}

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

	it('reads the page before when a decision empties the last one', async () => {
		const registry = freshRegistry();
		mockedFetch.mockResolvedValueOnce({
			items: [{ id: 41 }],
			total: 21,
			page: 2,
			per_page: 20,
		});
		await registry.dispatch(store).loadCorrections(2, 'accepted');
		mockedFetch
			.mockResolvedValueOnce({ id: 41, review: 'pending' })
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
			'/kalas-iris/v1/corrections?review=accepted&page=1',
		]);
		expect(mockedFetch.mock.calls[1][0].data).toEqual({
			review: 'pending',
		});
		expect(registry.select(store).getCorrectionsPage()?.total).toBe(20);
		expect(registry.select(store).getCorrectionsBusy()).toEqual([]);
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
