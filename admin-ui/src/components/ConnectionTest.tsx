/**
 * "Test connection": asks the service for its model pack through the plugin.
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

import { store } from '../store';
import { ErrorNotice } from './ErrorNotice';

export function ConnectionTest() {
	const connection = useSelect((select) => select(store).getConnection(), []);
	const { testConnection } = useDispatch(store);
	return (
		<div className="kalas-iris-connection">
			<Button
				variant="secondary"
				onClick={() => void testConnection()}
				isBusy={connection.status === 'testing'}
				disabled={connection.status === 'testing'}
			>
				{__('Test connection', 'kalas-iris')}
			</Button>
			{connection.status === 'ok' && connection.model ? (
				<p role="status" data-testid="connection-result">
					{sprintf(
						__(
							'Connected: model pack %1$s %2$s, answered in %3$d ms.',
							'kalas-iris'
						),
						connection.model.name,
						connection.model.version,
						Math.round(connection.model.latency_ms)
					)}
				</p>
			) : null}
			<ErrorNotice area="connection" />
		</div>
	);
}
