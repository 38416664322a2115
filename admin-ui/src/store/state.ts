/**
 * State of the admin store, and its plain actions.
 */
import type {
	ApiError,
	BackfillProgress,
	CorrectionReview,
	CorrectionsPage,
	ReindexProgress,
	LearnResult,
	ModelInfo,
	ProductSummary,
	ReviewPage,
	ServiceLearnStatus,
	Settings,
	TryResult,
} from '../types';

export type ErrorArea =
	| 'settings'
	| 'connection'
	| 'connect'
	| 'review'
	| 'corrections'
	| 'backfill'
	| 'reindex'
	| 'learn'
	| 'tryIt'
	| 'product';

/**
 * The slices read again and again, whose reads are numbered by their `ticket`: a slow answer
 * to an older read can come after a newer one's, and only the newest read's answer is kept.
 */
export type TicketedSlice = 'review' | 'corrections' | 'learn';

export type ConnectionStatus = 'idle' | 'testing' | 'ok' | 'error';
export type TryStatus = 'idle' | 'uploading' | 'done' | 'error';

export interface State {
	settings: Settings | null;
	saving: boolean;
	connection: { status: ConnectionStatus; model: ModelInfo | null };
	/** The review queue: the newest read's page, and the products a decision is pending on. */
	review: {
		page: ReviewPage | null;
		loading: boolean;
		busy: number[];
		ticket: number;
	};
	/**
	 * The web corrections page: the list and page asked for last (`requested`, which the filter
	 * shows), the newest answer (`page`, which can still be another page while a read is under
	 * way), and the corrections a decision is pending on.
	 */
	corrections: {
		requested: { review: CorrectionReview; page: number };
		page: CorrectionsPage | null;
		loading: boolean;
		busy: number[];
		ticket: number;
	};
	backfill: BackfillProgress | null;
	reindex: ReindexProgress | null;
	/**
	 * Catalogue learning: whether the admin's own run is under way, the plugin's record of
	 * the last run, the service's status (null when unknown or not read since that run) and,
	 * when the plugin could not ask the service, why. A run's result takes a ticket too, so
	 * only an answer to a read started after both is kept.
	 */
	learn: {
		running: boolean;
		result: LearnResult | null;
		service: ServiceLearnStatus | null;
		serviceError: string | null;
		ticket: number;
	};
	jobCounts: Record<string, number> | null;
	tryIt: { status: TryStatus; result: TryResult | null };
	products: Record<number, ProductSummary>;
	errors: Partial<Record<ErrorArea, ApiError>>;
}

export const initialState: State = {
	settings: null,
	saving: false,
	connection: { status: 'idle', model: null },
	review: { page: null, loading: false, busy: [], ticket: 0 },
	corrections: {
		requested: { review: 'pending', page: 1 },
		page: null,
		loading: false,
		busy: [],
		ticket: 0,
	},
	backfill: null,
	reindex: null,
	learn: {
		running: false,
		result: null,
		service: null,
		serviceError: null,
		ticket: 0,
	},
	jobCounts: null,
	tryIt: { status: 'idle', result: null },
	products: {},
	errors: {},
};

export const plainActions = {
	receiveSettings: (settings: Settings) =>
		({ type: 'RECEIVE_SETTINGS', settings }) as const,
	setSaving: (saving: boolean) => ({ type: 'SET_SAVING', saving }) as const,
	setConnection: (status: ConnectionStatus, model: ModelInfo | null) =>
		({ type: 'SET_CONNECTION', status, model }) as const,
	/** A read of the review queue starts: it becomes the newest read. */
	requestReview: () => ({ type: 'REQUEST_REVIEW' }) as const,
	/** The answer to read number `ticket`; ignored when a newer read has started since. */
	receiveReview: (ticket: number, page: ReviewPage) =>
		({ type: 'RECEIVE_REVIEW', ticket, page }) as const,
	/** Read number `ticket` failed; the page shown stays. */
	failReview: (ticket: number) => ({ type: 'FAIL_REVIEW', ticket }) as const,
	setReviewBusy: (ids: number[], busy: boolean) =>
		({ type: 'SET_REVIEW_BUSY', ids, busy }) as const,
	removeReviewItems: (ids: number[]) =>
		({ type: 'REMOVE_REVIEW_ITEMS', ids }) as const,
	/** A read of that list's page starts: it becomes the one asked for, and the newest read. */
	requestCorrections: (review: CorrectionReview, page: number) =>
		({ type: 'REQUEST_CORRECTIONS', review, page }) as const,
	/** The answer to read number `ticket`; ignored when a newer read has started since. */
	receiveCorrections: (ticket: number, page: CorrectionsPage) =>
		({ type: 'RECEIVE_CORRECTIONS', ticket, page }) as const,
	/** Read number `ticket` failed; the page shown stays. */
	failCorrections: (ticket: number) =>
		({ type: 'FAIL_CORRECTIONS', ticket }) as const,
	setCorrectionsBusy: (ids: number[], busy: boolean) =>
		({ type: 'SET_CORRECTIONS_BUSY', ids, busy }) as const,
	receiveBackfill: (progress: BackfillProgress) =>
		({ type: 'RECEIVE_BACKFILL', progress }) as const,
	receiveReindex: (progress: ReindexProgress) =>
		({ type: 'RECEIVE_REINDEX', progress }) as const,
	/**
	 * Without `result`, the result on screen stays (a run keeps the last one shown); with one,
	 * the service's status read before it is dropped until it is read again, and so is the
	 * answer to any read still under way.
	 */
	setLearn: (running: boolean, result?: LearnResult | null) =>
		({ type: 'SET_LEARN', running, result }) as const,
	/** A read of the last learning starts: it becomes the newest read. */
	requestLearn: () => ({ type: 'REQUEST_LEARN' }) as const,
	/** The answer to read number `ticket`; ignored when a newer read or a run's result came since. */
	receiveLastLearn: (
		ticket: number,
		result: LearnResult | null,
		service: ServiceLearnStatus | null,
		serviceError: string | null
	) =>
		({
			type: 'RECEIVE_LAST_LEARN',
			ticket,
			result,
			service,
			serviceError,
		}) as const,
	receiveJobCounts: (counts: Record<string, number>) =>
		({ type: 'RECEIVE_JOB_COUNTS', counts }) as const,
	setTry: (status: TryStatus, result: TryResult | null) =>
		({ type: 'SET_TRY', status, result }) as const,
	receiveProduct: (product: ProductSummary) =>
		({ type: 'RECEIVE_PRODUCT', product }) as const,
	setError: (area: ErrorArea, error: ApiError | null) =>
		({ type: 'SET_ERROR', area, error }) as const,
};

export type Action = ReturnType<
	(typeof plainActions)[keyof typeof plainActions]
>;
