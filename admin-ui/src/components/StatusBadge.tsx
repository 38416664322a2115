/**
 * The plugin status of a product in words.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { JobState, ProductStatus } from '../types';

const TEXT: Record<ProductStatus, string> = {
	'': __('Not annotated yet', 'kalas-iris'),
	pending: __('Waiting for annotation', 'kalas-iris'),
	retrying: __('Service unavailable, retrying', 'kalas-iris'),
	review: __('Waiting for review', 'kalas-iris'),
	applied: __('Labels applied', 'kalas-iris'),
	annotated: __('Annotated', 'kalas-iris'),
	rejected: __('Suggestion rejected', 'kalas-iris'),
	failed: __('Annotation failed', 'kalas-iris'),
	not_configured: __('Service not configured', 'kalas-iris'),
	no_image: __('No image to annotate', 'kalas-iris'),
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
							? ' ' +
								sprintf(
									__('Next try: %s.', 'kalas-iris'),
									new Date(job.next_at).toLocaleString()
								)
							: ''}
						{job.attempt
							? ' ' +
								sprintf(
									__('Attempt %d.', 'kalas-iris'),
									job.attempt
								)
							: ''}
					</span>
				</>
			) : null}
		</p>
	);
}
