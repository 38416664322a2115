/**
 * The plugin status of a product in words.
 */
import type { JobState, ProductStatus } from '../types';

const TEXT: Record<ProductStatus, string> = {
	'': 'Not annotated yet',
	pending: 'Waiting for annotation',
	retrying: 'Service unavailable, retrying',
	review: 'Waiting for review',
	applied: 'Labels applied',
	annotated: 'Annotated',
	rejected: 'Suggestion rejected',
	failed: 'Annotation failed',
	not_configured: 'Service not configured',
	no_image: 'No image to annotate',
};

export function StatusBadge({
	status,
	job,
}: {
	status: ProductStatus;
	job?: JobState | null;
}) {
	return (
		<p
			className={`kalas-iris-status kalas-iris-status--${status || 'none'}`}
			data-status={status}
		>
			<strong>{TEXT[status] ?? status}</strong>
			{job?.error && (status === 'retrying' || status === 'failed') ? (
				<>
					<br />
					<span>
						{job.error.message}
						{job.next_at
							? ` Next try: ${new Date(job.next_at).toLocaleString()}.`
							: ''}
						{job.attempt ? ` Attempt ${job.attempt}.` : ''}
					</span>
				</>
			) : null}
		</p>
	);
}
