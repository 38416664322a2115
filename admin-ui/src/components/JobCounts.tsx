/**
 * How many products wait for, retry or failed annotation: the job state at a glance.
 */
import type { ProductStatus } from '../types';

const ROWS: Array<[ProductStatus, string]> = [
	['pending', 'Waiting for annotation'],
	['retrying', 'Service unavailable, retrying'],
	['failed', 'Annotation failed'],
	['not_configured', 'Waiting for the service settings'],
	['review', 'Waiting for review'],
	['applied', 'Labels applied'],
	['rejected', 'Suggestion rejected'],
];

export interface JobCountsProps {
	counts: Record<string, number>;
	/** Link to WooCommerce's scheduled actions, filtered to the plugin's jobs. */
	actionsUrl: string;
}

export function JobCounts({ counts, actionsUrl }: JobCountsProps) {
	return (
		<div className="kalas-iris-job-counts">
			<table className="widefat striped" aria-label="Annotation jobs">
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
					See every Kalas Iris job in WooCommerce → Status → Scheduled
					Actions
				</a>
			</p>
		</div>
	);
}
