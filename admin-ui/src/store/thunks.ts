/**
 * Thunks: every REST call of the admin screens. Errors are caught once, in `guarded`,
 * and stored per screen area, so components only read getError( area ).
 */
import { request, toApiError } from './api';
import type * as selectors from './selectors';
import {
	plainActions,
	type ErrorArea,
	type State,
	type TicketedSlice,
} from './state';
import type {
	BackfillProgress,
	CorrectionReview,
	CorrectionsPage,
	ReindexProgress,
	LearnResult,
	LearnStatus,
	Labels,
	ModelInfo,
	ProductSummary,
	ReviewPage,
	Settings,
	SettingsUpdate,
	TryResult,
} from '../types';

type Plain = typeof plainActions;
type Selectors = typeof selectors;

/** What a thunk receives; the plain actions and the selectors are used from it. */
export interface ThunkArgs {
	dispatch: { [K in keyof Plain]: (...args: Parameters<Plain[K]>) => void };
	select: {
		[K in keyof Selectors]: Selectors[K] extends (
			state: State,
			...args: infer A
		) => infer R
			? (...args: A) => R
			: never;
	};
}

/**
 * Runs a thunk body, clearing and then recording the area's error.
 *
 * @param area Error area of the screen.
 * @param run  Body.
 * @return Thunk resolving to the body's result, or undefined after an error.
 */
function guarded<T>(area: ErrorArea, run: (args: ThunkArgs) => Promise<T>) {
	return async (args: ThunkArgs): Promise<T | undefined> => {
		args.dispatch.setError(area, null);
		try {
			return await run(args);
		} catch (thrown) {
			args.dispatch.setError(area, toApiError(thrown));
			return undefined;
		}
	};
}

/**
 * Asks `path` for the newest read of `slice`, whose request action the caller has just
 * dispatched. An answer or error that comes after a newer read has started is dropped
 * (null): it would put back what is no longer asked for, or report a failure of it.
 *
 * @param args   Thunk arguments.
 * @param slice  Slice read.
 * @param path   Plugin route.
 * @param failed Told the read's number before its error is thrown.
 * @return The answer with its read's number, or null when overtaken.
 */
async function readNewest<T>(
	{ select }: ThunkArgs,
	slice: TicketedSlice,
	path: string,
	failed?: (ticket: number) => void
): Promise<{ ticket: number; answer: T } | null> {
	const ticket = select.getTicket(slice);
	const newest = () => ticket === select.getTicket(slice);
	try {
		const answer = await request<T>(path);
		return newest() ? { ticket, answer } : null;
	} catch (thrown) {
		if (!newest()) {
			return null;
		}
		failed?.(ticket);
		throw thrown;
	}
}

export const loadSettings = () =>
	guarded('settings', async ({ dispatch }) => {
		dispatch.receiveSettings(await request<Settings>('/settings'));
	});

export const saveSettings = (update: SettingsUpdate) =>
	guarded('settings', async ({ dispatch }) => {
		dispatch.setSaving(true);
		try {
			const settings = await request<Settings>('/settings', {
				method: 'POST',
				data: update,
			});
			dispatch.receiveSettings(settings);
			return true;
		} finally {
			dispatch.setSaving(false);
		}
	});

export const testConnection = () =>
	guarded('connection', async ({ dispatch }) => {
		dispatch.setConnection('testing', null);
		try {
			const model = await request<ModelInfo>('/settings/test', {
				method: 'POST',
			});
			dispatch.setConnection('ok', model);
		} catch (error) {
			dispatch.setConnection('error', null);
			throw error;
		}
	});

/** Asks for the WooCommerce authorization URL; the caller navigates to it. */
export const startConnect = () =>
	guarded('connect', async () => {
		const { url } = await request<{ url: string }>('/connect/start', {
			method: 'POST',
		});
		return url;
	});

export const connectManually = (consumerKey: string, consumerSecret: string) =>
	guarded('connect', async ({ dispatch }) => {
		await request('/connect/manual', {
			method: 'POST',
			data: {
				consumer_key: consumerKey,
				consumer_secret: consumerSecret,
			},
		});
		dispatch.receiveSettings(await request<Settings>('/settings'));
		return true;
	});

/**
 * Shows a page of the review queue; a slow answer for another page, coming after the page
 * asked for last, is dropped.
 *
 * @param page Page number.
 */
export const loadReview = (page = 1) =>
	guarded('review', async (args) => {
		const { dispatch } = args;
		dispatch.requestReview();
		const read = await readNewest<ReviewPage>(
			args,
			'review',
			`/review?page=${page}&per_page=20`,
			(ticket) => dispatch.failReview(ticket)
		);
		if (read) {
			dispatch.receiveReview(read.ticket, read.answer);
		}
	});

export const decide = (
	id: number,
	decision: 'accept' | 'reject',
	labels: Labels | null = null
) =>
	guarded('review', async ({ dispatch }) => {
		dispatch.setReviewBusy([id], true);
		try {
			await request(`/review/${id}`, {
				method: 'POST',
				data: { decision, labels },
			});
			dispatch.removeReviewItems([id]);
		} finally {
			dispatch.setReviewBusy([id], false);
		}
	});

export const decideBulk = (ids: number[], decision: 'accept' | 'reject') =>
	guarded('review', async ({ dispatch }) => {
		dispatch.setReviewBusy(ids, true);
		try {
			const { results } = await request<{
				results: Array<{ id: number; status: string }>;
			}>('/review/bulk', { method: 'POST', data: { ids, decision } });
			dispatch.removeReviewItems(
				results.filter((r) => r.status !== 'error').map((r) => r.id)
			);
		} finally {
			dispatch.setReviewBusy(ids, false);
		}
	});

/**
 * Reads one page of a list of web corrections. Only the newest read's answer or error is
 * kept: an older one, for another list or page, arrives too late to be shown. A page past
 * the end (emptied by decisions, here or elsewhere) gives way to the last page there is.
 *
 * @param args   Thunk arguments.
 * @param review List.
 * @param page   Page number.
 */
async function readCorrections(
	args: ThunkArgs,
	review: CorrectionReview,
	page: number
): Promise<void> {
	const { dispatch } = args;
	dispatch.requestCorrections(review, page);
	const read = await readNewest<CorrectionsPage>(
		args,
		'corrections',
		`/corrections?review=${review}&page=${page}`,
		(ticket) => dispatch.failCorrections(ticket)
	);
	if (!read) {
		// A newer read has the word; it must not be replaced by this one's fall-back either.
		return;
	}
	const { ticket, answer } = read;
	// Each step reads an earlier page, so this ends.
	const last = Math.ceil(answer.total / answer.per_page);
	if (answer.items.length === 0 && answer.total > 0 && last < page) {
		await readCorrections(args, review, last);
		return;
	}
	dispatch.receiveCorrections(ticket, answer);
}

/**
 * Shows a page of the web corrections.
 *
 * @param page   Page number.
 * @param review List; the one shown when left out.
 */
export const loadCorrections = (page = 1, review?: CorrectionReview) =>
	guarded('corrections', (args) =>
		readCorrections(
			args,
			review ?? args.select.getCorrectionsReview(),
			page
		)
	);

/**
 * Accepts or rejects a web correction, or puts it back to pending.
 *
 * @param id     Correction id in the service.
 * @param review Decision.
 */
export const decideCorrection = (id: number, review: CorrectionReview) =>
	guarded('corrections', async (args) => {
		const { dispatch, select } = args;
		dispatch.setCorrectionsBusy([id], true);
		try {
			await request(`/corrections/${id}`, {
				method: 'POST',
				data: { review },
			});
			// It now belongs to another list: what is asked for now (the person may have turned
			// the page or changed the list meanwhile) is read again, so the next correction moves
			// up into it, and a page the decision emptied gives way to the last one.
			const requested = select.getCorrectionsRequested();
			await readCorrections(args, requested.review, requested.page);
		} finally {
			dispatch.setCorrectionsBusy([id], false);
		}
	});

export const loadBackfill = () =>
	guarded('backfill', async ({ dispatch }) => {
		dispatch.receiveBackfill(await request<BackfillProgress>('/backfill'));
	});

export const loadJobCounts = () =>
	guarded('backfill', async ({ dispatch }) => {
		const { counts } = await request<{
			counts: Record<string, number>;
		}>('/jobs');
		dispatch.receiveJobCounts(counts);
	});

export const controlBackfill = (action: 'start' | 'pause' | 'resume') =>
	guarded('backfill', async ({ dispatch }) => {
		dispatch.receiveBackfill(
			await request<BackfillProgress>(`/backfill/${action}`, {
				method: 'POST',
			})
		);
	});

/**
 * Reads the last learning: the plugin's record and the service's status. The service can
 * take seconds to answer, so the answer, or error, of a read that a newer read or a run's
 * result has overtaken is dropped: it would put back what is no longer true.
 *
 * @param args Thunk arguments.
 */
async function readLearn(args: ThunkArgs) {
	args.dispatch.requestLearn();
	const read = await readNewest<LearnStatus | null>(args, 'learn', '/learn');
	if (!read) {
		return;
	}
	const last = read.answer;
	// Only a learning's record is shown; anything else reads as "never learned".
	const record =
		last && 'report' in last && last.report?.fields ? last : null;
	args.dispatch.receiveLastLearn(
		read.ticket,
		record,
		last?.service?.fields ? last.service : null,
		last?.service_error ?? null
	);
}

/**
 * The last learning, whether asked for here, run after a backfill, or made by the
 * service by itself after corrections.
 */
export const loadLearn = () => guarded('learn', readLearn);

/**
 * Sends every indexed product's own category to the service and learns them; the
 * previous result stays on screen while it runs, and after a failure. Afterwards the
 * status is read again, so the panel shows the service's account of the run.
 */
export const learnCatalogue = () =>
	guarded('learn', async (args) => {
		const { dispatch } = args;
		dispatch.setLearn(true);
		try {
			dispatch.setLearn(
				false,
				await request<LearnResult>('/learn', { method: 'POST' })
			);
		} catch (thrown) {
			dispatch.setLearn(false);
			throw thrown;
		}
		await readLearn(args);
	});

export const loadReindex = () =>
	guarded('reindex', async ({ dispatch }) => {
		dispatch.receiveReindex(await request<ReindexProgress>('/reindex'));
	});

export const startReindex = () =>
	guarded('reindex', async ({ dispatch }) => {
		dispatch.receiveReindex(
			await request<ReindexProgress>('/reindex', { method: 'POST' })
		);
	});

export const tryImage = (file: File) =>
	guarded('tryIt', async ({ dispatch }) => {
		dispatch.setTry('uploading', null);
		const body = new FormData();
		body.append('image', file);
		try {
			dispatch.setTry(
				'done',
				await request<TryResult>('/try', { method: 'POST', body })
			);
		} catch (error) {
			dispatch.setTry('error', null);
			throw error;
		}
	});

export const loadProduct = (id: number) =>
	guarded('product', async ({ dispatch }) => {
		dispatch.receiveProduct(
			await request<ProductSummary>(`/products/${id}`)
		);
	});

export const reannotate = (id: number) =>
	guarded('product', async ({ dispatch }) => {
		dispatch.receiveProduct(
			await request<ProductSummary>(`/products/${id}/annotate`, {
				method: 'POST',
			})
		);
	});
