/**
 * Pure reducer of the admin store.
 */
import { initialState, type Action, type State } from './state';

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
		case 'SET_REVIEW_BUSY': {
			const others = state.review.busy.filter(
				(id) => !action.ids.includes(id)
			);
			return {
				...state,
				review: {
					...state.review,
					busy: action.busy ? [...others, ...action.ids] : others,
				},
			};
		}
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
		case 'RECEIVE_BACKFILL':
			return { ...state, backfill: action.progress };
		case 'RECEIVE_REINDEX':
			return { ...state, reindex: action.progress };
		case 'SET_LEARN':
			return {
				...state,
				learn: {
					running: action.running,
					result:
						action.result === undefined
							? state.learn.result
							: action.result,
				},
			};
		case 'RECEIVE_LAST_LEARN':
			// A run started meanwhile has the newer word.
			return state.learn.running
				? state
				: {
						...state,
						learn: { running: false, result: action.result },
					};
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
