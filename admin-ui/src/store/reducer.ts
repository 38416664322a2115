/**
 * Pure reducer of the admin store.
 */
import { initialState, type Action, type State } from './state';

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
		case 'SET_REVIEW_LOADING':
			return {
				...state,
				review: { ...state.review, loading: action.loading },
			};
		case 'RECEIVE_REVIEW':
			return {
				...state,
				review: { ...state.review, page: action.page, loading: false },
			};
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
			// A slow answer for another list or page must not replace the newest one's.
			return action.ticket === state.corrections.ticket
				? {
						...state,
						corrections: {
							...state.corrections,
							page: action.page,
							loading: false,
						},
					}
				: state;
		case 'FAIL_CORRECTIONS':
			return action.ticket === state.corrections.ticket
				? {
						...state,
						corrections: { ...state.corrections, loading: false },
					}
				: state;
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
			// An answer to an older read, or to one started before a run's result, is out of date.
			return action.ticket === state.learn.ticket
				? {
						...state,
						learn: {
							...state.learn,
							result: action.result,
							service: action.service,
						},
					}
				: state;
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
