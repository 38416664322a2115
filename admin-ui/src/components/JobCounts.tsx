/**
 * How many products wait for, retry or failed annotation: the job state at a glance.
 */
import { __ } from '@wordpress/i18n';

import type { ProductStatus } from '../types';

const ROWS: Array<[ProductStatus, string]> = [
	['pending', __('Waiting for annotation', 'kalas-iris')],
	['retrying', __('Service unavailable, retrying', 'kalas-iris')],
	['failed', __('Annotation failed', 'kalas-iris')],
	['not_configured', __('Waiting for the service settings', 'kalas-iris')],
	['review', __('Waiting for review', 'kalas-iris')],
	['applied', __('Labels applied', 'kalas-iris')],
	['rejected', __('Suggestion rejected', 'kalas-iris')],
];

export interface JobCountsProps {
	counts: Record<string, number>;
	/** Link to WooCommerce's scheduled actions, filtered to the plugin's jobs. */
	actionsUrl: string;
}

export function JobCounts({ counts, actionsUrl }: JobCountsProps) {
	return (
		<div className="kalas-iris-job-counts">
			<table
				className="widefat striped"
				aria-label={__('Annotation jobs', 'kalas-iris')}
			>
				<tbody>
					{ROWS.map(([status, label]) => (
						<tr key={status} data-status={status}>
							<th scope="row">{label}</th>
							<td>{counts[status] ?? 0}</td>
						</tr>
					))}
				</tbody>
			</table>
			<p>
				<a href={actionsUrl}>
					{__(
						'See every Kalas Iris job in WooCommerce → Status → Scheduled Actions',
						'kalas-iris'
					)}
				</a>
			</p>
		</div>
	);
}
