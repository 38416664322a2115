/**
 * Pure reducer of the admin store.
 */
import {
	initialState,
	type Action,
	type State,
	type TicketedSlice,
} from './state';

/**
 * A list of busy ids with `ids` added (busy) or taken out.
 *
 * @param busy Ids busy now.
 * @param ids  Ids that start or stop.
 * @param on   Whether they start.
 */
function toggled(busy: number[], ids: number[], on: boolean): number[] {
	const others = busy.filter((id) => !ids.includes(id));
	return on ? [...others, ...ids] : others;
}

/**
 * The state with `patch` made to a slice by the answer to its read number `ticket`; the
 * state as it is when a newer read has started since, as the slow answer to an older one
 * would put back what is no longer asked for.
 *
 * @param state  Store state.
 * @param slice  Slice read.
 * @param ticket Number of the read that answered.
 * @param patch  What its answer changes.
 */
function fromNewest<K extends TicketedSlice>(
	state: State,
	slice: K,
	ticket: number,
	patch: Partial<State[K]>
): State {
	return ticket === state[slice].ticket
		? { ...state, [slice]: { ...state[slice], ...patch } }
		: state;
}

export function reducer(state: State = initialState, action: Action): State {
	switch (action.type) {
		case 'RECEIVE_SETTINGS':
			return { ...state, settings: action.settings };
		case 'SET_SAVING':
			return { ...state, saving: action.saving };
		case 'SET_CONNECTION':
			return {
				...state,
				connection: { status: action.status, model: action.model },
			};
		case 'REQUEST_REVIEW':
			return {
				...state,
				review: {
					...state.review,
					loading: true,
					ticket: state.review.ticket + 1,
				},
			};
		case 'RECEIVE_REVIEW':
			return fromNewest(state, 'review', action.ticket, {
				page: action.page,
				loading: false,
			});
		case 'FAIL_REVIEW':
			return fromNewest(state, 'review', action.ticket, {
				loading: false,
			});
		case 'SET_REVIEW_BUSY':
			return {
				...state,
				review: {
					...state.review,
					busy: toggled(state.review.busy, action.ids, action.busy),
				},
			};
		case 'REMOVE_REVIEW_ITEMS': {
			const page = state.review.page;
			if (!page) {
				return state;
			}
			const items = page.items.filter(
				(item) => !action.ids.includes(item.id)
			);
			return {
				...state,
				review: {
					...state.review,
					page: {
						...page,
						items,
						total: Math.max(
							0,
							page.total - (page.items.length - items.length)
						),
					},
				},
			};
		}
		case 'REQUEST_CORRECTIONS':
			return {
				...state,
				corrections: {
					...state.corrections,
					requested: { review: action.review, page: action.page },
					loading: true,
					ticket: state.corrections.ticket + 1,
				},
			};
		case 'RECEIVE_CORRECTIONS':
			return fromNewest(state, 'corrections', action.ticket, {
				page: action.page,
				loading: false,
			});
		case 'FAIL_CORRECTIONS':
			return fromNewest(state, 'corrections', action.ticket, {
				loading: false,
			});
		case 'SET_CORRECTIONS_BUSY':
			return {
				...state,
				corrections: {
					...state.corrections,
					busy: toggled(
						state.corrections.busy,
						action.ids,
						action.busy
					),
				},
			};
		case 'RECEIVE_BACKFILL':
			return { ...state, backfill: action.progress };
		case 'RECEIVE_REINDEX':
			return { ...state, reindex: action.progress };
		case 'SET_LEARN':
			return {
				...state,
				learn:
					action.result === undefined
						? { ...state.learn, running: action.running }
						: {
								running: action.running,
								result: action.result,
								service: null,
								serviceError: null,
								// A read started before the run's result answers for the time before it.
								ticket: state.learn.ticket + 1,
							},
			};
		case 'REQUEST_LEARN':
			return {
				...state,
				learn: { ...state.learn, ticket: state.learn.ticket + 1 },
			};
		case 'RECEIVE_LAST_LEARN':
			return fromNewest(state, 'learn', action.ticket, {
				result: action.result,
				service: action.service,
				serviceError: action.serviceError,
			});
		case 'RECEIVE_JOB_COUNTS':
			return { ...state, jobCounts: action.counts };
		case 'SET_TRY':
			return {
				...state,
				tryIt: { status: action.status, result: action.result },
			};
		case 'RECEIVE_PRODUCT':
			return {
				...state,
				products: {
					...state.products,
					[action.product.id]: action.product,
				},
			};
		case 'SET_ERROR': {
			const errors = { ...state.errors };
			if (action.error) {
				errors[action.area] = action.error;
			} else {
				delete errors[action.area];
			}
			return { ...state, errors };
		}
		default:
			return state;
	}
}
