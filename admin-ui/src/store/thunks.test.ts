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
