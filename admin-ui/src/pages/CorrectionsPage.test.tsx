import apiFetch from '@wordpress/api-fetch';
import { createRegistry, RegistryProvider } from '@wordpress/data';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { store } from '../store';
import { CorrectionsPage } from './CorrectionsPage';

jest.mock('@wordpress/api-fetch', () => ({
	__esModule: true,
	default: jest.fn(),
}));
const mockedFetch = apiFetch as unknown as jest.Mock;

const correction = (id: number, category: string) => ({
	id,
	product_id: null,
	has_image: true,
	correction: { category, attributes: { pattern: 'Solid' }, colors: [] },
	original: { category: 'Tops', attributes: {}, colors: ['red'] },
	source: 'web',
	review: 'pending',
	learns: false,
	created_at: '2026-11-27T10:00:00.000Z',
});

/** Answers by path, as the plugin's routes would. */
function routes(answers: Record<string, unknown>) {
	mockedFetch.mockImplementation(({ path }: { path: string }) => {
		const key = Object.keys(answers).find((prefix) =>
			path.startsWith('/kalas-iris/v1' + prefix)
		);
		const answer = key === undefined ? undefined : answers[key];
		return answer instanceof Error || answer === undefined
			? Promise.reject(
					answer ?? { code: 'no_route', message: `no ${path}` }
				)
			: Promise.resolve(answer);
	});
}

/** The page with a store of its own, as a fresh admin screen has. */
function show() {
	const registry = createRegistry();
	registry.register(store);
	render(
		<RegistryProvider value={registry}>
			<CorrectionsPage />
		</RegistryProvider>
	);
	return registry;
}

/** A request the test answers when it chooses. */
function deferred() {
	let resolve: (value: unknown) => void = () => {};
	let reject: (reason: unknown) => void = () => {};
	const promise = new Promise((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return { promise, resolve, reject };
}

const list = (
	items: ReturnType<typeof correction>[],
	total = items.length
) => ({
	items,
	total,
	page: 1,
	per_page: 20,
});

describe('CorrectionsPage', () => {
	beforeEach(() => mockedFetch.mockReset());

	it('shows what the visitor was shown and said, with the photo, and accepts one', async () => {
		const pending = {
			items: [correction(7, 'Dresses'), correction(8, 'Shirts')],
			total: 2,
			page: 1,
			per_page: 20,
		};
		routes({
			'/corrections?review=pending': pending,
			'/corrections/7/image': { data_url: 'data:image/jpeg;base64,AAAA' },
			'/corrections/8/image': { data_url: 'data:image/png;base64,BBBB' },
			'/corrections/7': { id: 7, review: 'accepted', learns: true },
		});
		const registry = show();

		await screen.findByText(/The visitor said: Dresses; pattern: Solid/);
		expect(
			screen.getAllByText(/Shown to the visitor: Tops; colours: red/)
		).toHaveLength(2);
		expect(screen.getByText('2 corrections')).toBeTruthy();
		const photos = await screen.findAllByAltText(
			'Photo sent with the correction'
		);
		expect(photos.map((img) => img.getAttribute('src'))).toEqual([
			'data:image/jpeg;base64,AAAA',
			'data:image/png;base64,BBBB',
		]);

		const first = screen
			.getByText(/The visitor said: Dresses/)
			.closest('[data-correction-id]') as HTMLElement;
		// The service now lists only the other one; the page reads it again.
		pending.items = [pending.items[1]!];
		pending.total = 1;
		await act(async () => {
			fireEvent.click(first.querySelector('button') as HTMLElement);
		});
		expect(mockedFetch).toHaveBeenCalledWith(
			expect.objectContaining({
				path: '/kalas-iris/v1/corrections/7',
				method: 'POST',
				data: { review: 'accepted' },
			})
		);
		expect(screen.queryByText(/The visitor said: Dresses/)).toBeNull();
		expect(screen.getByText(/The visitor said: Shirts/)).toBeTruthy();
		expect(screen.getByText('1 correction')).toBeTruthy();
		// The list lives in the admin store, as the review queue's does.
		expect(registry.select(store).getCorrectionsPage()?.total).toBe(1);
	});

	it('keeps a correction and says why when the decision fails, and names a missing photo', async () => {
		routes({
			'/corrections?review=pending': {
				items: [correction(7, 'Dresses')],
				total: 1,
				page: 1,
				per_page: 20,
			},
		});
		// The photo and the decision fail: make those routes reject.
		const base = mockedFetch.getMockImplementation()!;
		mockedFetch.mockImplementation((options: { path: string }) =>
			options.path.endsWith('/image')
				? Promise.reject({
						code: 'image_not_found',
						message: 'This correction has no stored photo.',
					})
				: options.path === '/kalas-iris/v1/corrections/7'
					? Promise.reject({
							code: 'service_unreachable',
							message: 'The Kalas Iris service did not answer.',
						})
					: base(options)
		);
		const registry = show();

		await screen.findByText('This correction has no stored photo.');
		await act(async () => {
			fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
		});
		expect(
			document.querySelector('[data-error-code="service_unreachable"]')
				?.textContent
		).toBe('The Kalas Iris service did not answer.');
		expect(registry.select(store).getError('corrections')?.code).toBe(
			'service_unreachable'
		);
		expect(screen.getByText(/The visitor said: Dresses/)).toBeTruthy();
	});

	it('asks for the other lists when the filter changes', async () => {
		routes({
			'/corrections?review=pending': {
				items: [],
				total: 0,
				page: 1,
				per_page: 20,
			},
			'/corrections?review=rejected': {
				items: [],
				total: 0,
				page: 1,
				per_page: 20,
			},
		});
		show();
		await screen.findByText('No corrections here.');
		await act(async () => {
			fireEvent.change(screen.getByLabelText('Show'), {
				target: { value: 'rejected' },
			});
		});
		expect(mockedFetch).toHaveBeenLastCalledWith(
			expect.objectContaining({
				path: '/kalas-iris/v1/corrections?review=rejected&page=1',
			})
		);
	});

	it('shows the shop’s own fields a correction would teach', async () => {
		routes({
			'/corrections?review=pending': {
				items: [
					{
						...correction(9, 'x'),
						has_image: false,
						product_id: '41',
						correction: { labels: { category: 'Frocks' } },
					},
				],
				total: 1,
				page: 1,
				per_page: 20,
			},
		});
		show();
		expect(
			await screen.findByText('The visitor said: your category: Frocks')
		).toBeTruthy();
		expect(screen.getByText('About product 41 (no photo)')).toBeTruthy();
	});
	it('keeps the newest list when an answer for the one before comes late', async () => {
		const pending = deferred();
		const rejected = list([
			{
				...correction(5, 'Skirts'),
				has_image: false,
				review: 'rejected',
			},
		]);
		mockedFetch.mockImplementation(({ path }: { path: string }) =>
			path.endsWith('/corrections?review=pending&page=1')
				? pending.promise
				: Promise.resolve(rejected)
		);
		show();
		await act(async () => {
			fireEvent.change(screen.getByLabelText('Show'), {
				target: { value: 'rejected' },
			});
		});
		await screen.findByText(/The visitor said: Skirts/);

		await act(async () => {
			pending.resolve(list([correction(7, 'Dresses')]));
		});
		expect(screen.queryByText(/The visitor said: Dresses/)).toBeNull();
		expect(screen.getByText(/The visitor said: Skirts/)).toBeTruthy();
		expect((screen.getByLabelText('Show') as HTMLSelectElement).value).toBe(
			'rejected'
		);
	});

	it('says nothing of a late error for the list before', async () => {
		const pending = deferred();
		mockedFetch.mockImplementation(({ path }: { path: string }) =>
			path.endsWith('/corrections?review=pending&page=1')
				? pending.promise
				: Promise.resolve(list([]))
		);
		show();
		await act(async () => {
			fireEvent.change(screen.getByLabelText('Show'), {
				target: { value: 'accepted' },
			});
		});
		await screen.findByText('No corrections here.');

		await act(async () => {
			pending.reject({
				code: 'service_unreachable',
				message: 'The Kalas Iris service did not answer.',
			});
		});
		expect(document.querySelector('[data-error-code]')).toBeNull();
		expect(screen.getByText('No corrections here.')).toBeTruthy();
		expect(screen.getByText('0 corrections')).toBeTruthy();
	});

	it('turns pages, and shows the page before when a decision empties the last one', async () => {
		const page = (
			number: number,
			items: ReturnType<typeof correction>[],
			total: number
		) => ({
			items: items.map((item) => ({ ...item, has_image: false })),
			total,
			page: number,
			per_page: 1,
		});
		const answers: Record<string, unknown> = {
			'/corrections?review=pending&page=1': page(
				1,
				[correction(7, 'Dresses')],
				2
			),
			'/corrections?review=pending&page=2': page(
				2,
				[correction(8, 'Shirts')],
				2
			),
			'/corrections/8': { id: 8, review: 'rejected', learns: false },
		};
		mockedFetch.mockImplementation(({ path }: { path: string }) =>
			Promise.resolve(answers[path.slice('/kalas-iris/v1'.length)])
		);
		show();
		await screen.findByText(/The visitor said: Dresses/);
		expect(screen.getByText('Page 1 of 2')).toBeTruthy();

		await act(async () => {
			fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
		});
		expect(screen.getByText(/The visitor said: Shirts/)).toBeTruthy();
		expect(screen.getByText('Page 2 of 2')).toBeTruthy();

		// Rejected, the last correction of page 2 leaves one page, which is read.
		answers['/corrections?review=pending&page=1'] = page(
			1,
			[correction(7, 'Dresses')],
			1
		);
		answers['/corrections?review=pending&page=2'] = page(2, [], 1);
		await act(async () => {
			fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
		});
		expect(mockedFetch).toHaveBeenLastCalledWith(
			expect.objectContaining({
				path: '/kalas-iris/v1/corrections?review=pending&page=1',
			})
		);
		expect(screen.getByText(/The visitor said: Dresses/)).toBeTruthy();
		expect(screen.queryByText(/The visitor said: Shirts/)).toBeNull();
		expect(screen.getByText('1 correction')).toBeTruthy();
		expect(screen.queryByText(/Page \d of/)).toBeNull();
	});

	it('shows the list asked for when it changes while a decision is sent', async () => {
		const decision = deferred();
		// The first read of the rejected ones is slow: the decision's answer comes before it.
		const slow = deferred();
		const pending = {
			items: [
				{ ...correction(41, 'Dresses'), has_image: false },
				{ ...correction(42, 'Shirts'), has_image: false },
			],
			total: 42,
			page: 3,
			per_page: 20,
		};
		const skirts = [1, 2, 3, 4, 5].map((id) => ({
			...correction(id, 'Skirts'),
			has_image: false,
			review: 'rejected',
		}));
		// Five rejected corrections: one page.
		const rejected = (page: number) => ({
			items: page === 1 ? skirts : [],
			total: 5,
			page,
			per_page: 20,
		});
		mockedFetch.mockImplementation(({ path }: { path: string }) => {
			const route = path.slice('/kalas-iris/v1'.length);
			if (route === '/corrections/41') {
				return decision.promise;
			}
			if (
				route === '/corrections?review=rejected&page=1' &&
				!mockedFetch.mock.calls
					.slice(0, -1)
					.some((call) => call[0].path === path)
			) {
				return slow.promise;
			}
			const match = /^\/corrections\?review=(\w+)&page=(\d+)$/.exec(
				route
			);
			return Promise.resolve(
				match?.[1] === 'rejected'
					? rejected(Number(match[2]))
					: { ...pending, page: Number(match?.[2]) }
			);
		});
		// On page 3 of those waiting for review.
		const registry = show();
		await act(async () => {
			await registry.dispatch(store).loadCorrections(3, 'pending');
		});
		await screen.findByText(/The visitor said: Dresses/);
		await act(async () => {
			fireEvent.click(
				screen.getAllByRole('button', { name: 'Reject' })[0]!
			);
		});
		await act(async () => {
			fireEvent.change(screen.getByLabelText('Show'), {
				target: { value: 'rejected' },
			});
		});
		await act(async () => {
			decision.resolve({ id: 41, review: 'rejected', learns: false });
		});
		await act(async () => {
			slow.resolve(rejected(1));
		});

		expect(
			mockedFetch.mock.calls
				.map((call) => call[0].path.slice('/kalas-iris/v1'.length))
				.filter(
					(path: string) =>
						path !== '/corrections?review=pending&page=1'
				)
		).toEqual([
			'/corrections?review=pending&page=3',
			'/corrections/41',
			'/corrections?review=rejected&page=1',
			'/corrections?review=rejected&page=1',
		]);
		expect((screen.getByLabelText('Show') as HTMLSelectElement).value).toBe(
			'rejected'
		);
		expect(screen.getAllByText(/The visitor said: Skirts/)).toHaveLength(5);
		expect(screen.queryByText('No corrections here.')).toBeNull();
		expect(screen.getByText('5 corrections')).toBeTruthy();
	});
});
