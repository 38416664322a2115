import { reducer } from './reducer';
import * as selectors from './selectors';
import { initialState, plainActions, type State } from './state';
import { learned } from '../testing/learn-fixtures';
import type {
	BackfillProgress,
	CorrectionsPage,
	LearnResult,
	ProductSummary,
	ReviewPage,
} from '../types';

const progress = (patch: Partial<BackfillProgress>): BackfillProgress => ({
	state: 'running',
	total: 200,
	done: 0,
	failed: 0,
	processed: 0,
	remaining: 200,
	eta_seconds: null,
	started_at: 1,
	updated_at: 1,
	error: null,
	retry_at: null,
	...patch,
});

const item = (id: number): ProductSummary => ({
	id,
	product_id: id,
	name: `Product ${id}`,
	permalink: '',
	edit_url: '',
	image_url: '',
	status: 'review',
	annotation: [],
	applied: [],
	job: [],
});

const reviewPage = (ids: number[], total: number): ReviewPage => ({
	items: ids.map(item),
	total,
	page: 1,
	per_page: 20,
});

describe('admin store reducer and selectors', () => {
	it('starts empty', () => {
		const state = reducer(undefined, { type: '@@INIT' } as never);
		expect(state).toEqual(initialState);
		expect(selectors.getBackfillPercent(state)).toBe(0);
	});

	it('computes the backfill percentage from done and failed', () => {
		const state = reducer(
			initialState,
			plainActions.receiveBackfill(progress({ done: 49, failed: 1 }))
		);
		expect(selectors.getBackfillPercent(state)).toBe(25);
		const done = reducer(
			state,
			plainActions.receiveBackfill(progress({ state: 'done', total: 0 }))
		);
		expect(selectors.getBackfillPercent(done)).toBe(100);
	});

	it('removes decided review items and lowers the total', () => {
		let state: State = reducer(
			initialState,
			plainActions.receiveReview(0, reviewPage([1, 2, 3], 30))
		);
		state = reducer(state, plainActions.removeReviewItems([1, 3, 99]));
		expect(selectors.getReviewPage(state)?.items.map((i) => i.id)).toEqual([
			2,
		]);
		expect(selectors.getReviewPage(state)?.total).toBe(28);
	});

	it('tracks busy review items', () => {
		let state = reducer(
			initialState,
			plainActions.setReviewBusy([1, 2], true)
		);
		expect(selectors.isReviewBusy(state, 2)).toBe(true);
		state = reducer(state, plainActions.setReviewBusy([2], false));
		expect(selectors.isReviewBusy(state, 1)).toBe(true);
		expect(selectors.isReviewBusy(state, 2)).toBe(false);
	});

	it('keeps only the newest read of the review queue', () => {
		let state = reducer(initialState, plainActions.requestReview());
		const first = selectors.getTicket(state, 'review');
		state = reducer(state, plainActions.requestReview());
		const second = selectors.getTicket(state, 'review');
		expect(selectors.isReviewLoading(state)).toBe(true);

		state = reducer(
			state,
			plainActions.receiveReview(second, reviewPage([21], 21))
		);
		state = reducer(
			state,
			plainActions.receiveReview(first, reviewPage([1], 21))
		);
		state = reducer(state, plainActions.failReview(first));
		expect(selectors.getReviewPage(state)?.items.map((i) => i.id)).toEqual([
			21,
		]);
		expect(selectors.isReviewLoading(state)).toBe(false);

		state = reducer(state, plainActions.requestReview());
		state = reducer(
			state,
			plainActions.failReview(selectors.getTicket(state, 'review'))
		);
		expect(selectors.getReviewPage(state)?.items.map((i) => i.id)).toEqual([
			21,
		]);
		expect(selectors.isReviewLoading(state)).toBe(false);
	});

	it('keeps only the newest read of the web corrections', () => {
		const answer = (total: number): CorrectionsPage => ({
			items: [],
			total,
			page: 1,
			per_page: 20,
		});
		let state = reducer(
			initialState,
			plainActions.requestCorrections('pending', 1)
		);
		const first = selectors.getTicket(state, 'corrections');
		state = reducer(state, plainActions.requestCorrections('rejected', 1));
		const second = selectors.getTicket(state, 'corrections');
		expect(second).not.toBe(first);
		expect(selectors.getCorrectionsReview(state)).toBe('rejected');

		state = reducer(
			state,
			plainActions.receiveCorrections(first, answer(5))
		);
		state = reducer(state, plainActions.failCorrections(first));
		expect(selectors.getCorrectionsPage(state)).toBeNull();
		expect(selectors.isCorrectionsLoading(state)).toBe(true);

		state = reducer(
			state,
			plainActions.receiveCorrections(second, answer(2))
		);
		expect(selectors.getCorrectionsPage(state)?.total).toBe(2);
		expect(selectors.isCorrectionsLoading(state)).toBe(false);

		state = reducer(state, plainActions.requestCorrections('rejected', 1));
		state = reducer(
			state,
			plainActions.failCorrections(
				selectors.getTicket(state, 'corrections')
			)
		);
		expect(selectors.getCorrectionsPage(state)?.total).toBe(2);
		expect(selectors.isCorrectionsLoading(state)).toBe(false);
	});

	it('keeps only the newest read of the last learning, and none a run overtook', () => {
		const record = (learnedAt: string): LearnResult => ({
			...learned,
			learned_at: learnedAt,
		});
		let state = reducer(initialState, plainActions.requestLearn());
		const first = selectors.getTicket(state, 'learn');
		state = reducer(state, plainActions.requestLearn());
		const second = selectors.getTicket(state, 'learn');
		state = reducer(
			state,
			plainActions.receiveLastLearn(second, record('b'), null, 'Down.')
		);
		state = reducer(
			state,
			plainActions.receiveLastLearn(first, record('a'), null, null)
		);
		expect(selectors.getLearn(state).result?.learned_at).toBe('b');
		expect(selectors.getLearn(state).serviceError).toBe('Down.');

		state = reducer(state, plainActions.requestLearn());
		const before = selectors.getTicket(state, 'learn');
		state = reducer(state, plainActions.setLearn(true));
		state = reducer(state, plainActions.setLearn(false, record('run')));
		// The reason belonged to the read before the run.
		expect(selectors.getLearn(state).serviceError).toBeNull();
		state = reducer(
			state,
			plainActions.receiveLastLearn(before, record('c'), null, 'Down.')
		);
		expect(selectors.getLearn(state).result?.learned_at).toBe('run');
		expect(selectors.getLearn(state).serviceError).toBeNull();
	});

	it('tracks corrections a decision is pending on', () => {
		let state = reducer(
			initialState,
			plainActions.setCorrectionsBusy([4, 5], true)
		);
		state = reducer(state, plainActions.setCorrectionsBusy([4], false));
		expect(selectors.getCorrectionsBusy(state)).toEqual([5]);
	});

	it('stores and clears errors per area', () => {
		let state = reducer(
			initialState,
			plainActions.setError('backfill', { code: 'x', message: 'Broken.' })
		);
		expect(selectors.getError(state, 'backfill')?.message).toBe('Broken.');
		expect(selectors.getError(state, 'review')).toBeNull();
		state = reducer(state, plainActions.setError('backfill', null));
		expect(selectors.getError(state, 'backfill')).toBeNull();
	});

	it('keeps products by id', () => {
		const state = reducer(
			initialState,
			plainActions.receiveProduct(item(7))
		);
		expect(selectors.getProduct(state, 7)?.name).toBe('Product 7');
		expect(selectors.getProduct(state, 8)).toBeNull();
	});
});
