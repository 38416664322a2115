/**
 * Selectors of the admin store.
 */
import type { ErrorArea, State, TicketedSlice } from './state';
import type { ApiError, BackfillProgress, ReindexProgress } from '../types';

export const getSettings = (state: State) => state.settings;
export const isSaving = (state: State) => state.saving;
export const getConnection = (state: State) => state.connection;
export const getReviewPage = (state: State) => state.review.page;
export const isReviewLoading = (state: State) => state.review.loading;
export const isReviewBusy = (state: State, id: number) =>
	state.review.busy.includes(id);
export const getCorrectionsReview = (state: State) =>
	state.corrections.requested.review;
/** The list and page asked for last, which may not be the page shown yet. */
export const getCorrectionsRequested = (state: State) =>
	state.corrections.requested;
export const getCorrectionsPage = (state: State) => state.corrections.page;
export const isCorrectionsLoading = (state: State) => state.corrections.loading;
export const getCorrectionsBusy = (state: State) => state.corrections.busy;
export const getReindex = (state: State): ReindexProgress | null =>
	state.reindex;

export const getBackfill = (state: State): BackfillProgress | null =>
	state.backfill;
export const getLearn = (state: State) => state.learn;
export const getJobCounts = (state: State) => state.jobCounts;
export const getTry = (state: State) => state.tryIt;
export const getProduct = (state: State, id: number) =>
	state.products[id] ?? null;
/** Number of the newest read of a slice (see TicketedSlice). */
export const getTicket = (state: State, slice: TicketedSlice) =>
	state[slice].ticket;
export const getError = (state: State, area: ErrorArea): ApiError | null =>
	state.errors[area] ?? null;

/**
 * Whole-number percentage of the backfill that is processed (done or failed).
 *
 * @param state Store state.
 */
export const getBackfillPercent = (state: State): number => {
	const progress = state.backfill;
	if (!progress || progress.total <= 0) {
		return progress?.state === 'done' ? 100 : 0;
	}
	return Math.min(
		100,
		Math.floor(((progress.done + progress.failed) / progress.total) * 100)
	);
};
