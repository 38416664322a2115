/**
 * The admin data store, `kalas-iris/admin`: one store for every screen.
 */
import { createReduxStore, register } from '@wordpress/data';

import { reducer } from './reducer';
import * as selectors from './selectors';
import { plainActions } from './state';
import * as thunks from './thunks';

export const STORE_NAME = 'kalas-iris/admin';

export const store = createReduxStore(STORE_NAME, {
	reducer,
	actions: { ...plainActions, ...thunks },
	selectors,
});

register(store);

export type { ErrorArea } from './state';
