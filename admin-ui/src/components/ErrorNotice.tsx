/**
 * Shows the error of one store area, if any.
 */
import { Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';

import { store, type ErrorArea } from '../store';

export function ErrorNotice({ area }: { area: ErrorArea }) {
	const error = useSelect((select) => select(store).getError(area), [area]);
	if (!error) {
		return null;
	}
	return (
		<Notice status="error" isDismissible={false}>
			<span data-error-code={error.code}>{error.message}</span>
		</Notice>
	);
}
