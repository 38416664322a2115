/**
 * Product edit screen panel: current annotation and a "Re-annotate" button.
 */
import { Button, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { AnnotationView } from '../components/AnnotationView';
import { ErrorNotice } from '../components/ErrorNotice';
import { StatusBadge } from '../components/StatusBadge';
import { usePolling } from '../hooks/use-polling';
import { store } from '../store';

/** How often the panel refreshes while a job is queued or retrying. */
export const PANEL_POLL_MS = 3000;

export function ProductPanel({ productId }: { productId: number }) {
	const product = useSelect(
		(select) => select(store).getProduct(productId),
		[productId]
	);
	const { loadProduct, reannotate } = useDispatch(store);
	const status = product?.status;

	useEffect(() => {
		void loadProduct(productId);
	}, [productId, loadProduct]);

	usePolling(
		() => void loadProduct(productId),
		status === 'pending' || status === 'retrying'
			? { every: PANEL_POLL_MS }
			: null
	);

	if (!product) {
		return (
			<>
				<Spinner />
				<ErrorNotice area="product" />
			</>
		);
	}
	const stored = Array.isArray(product.annotation)
		? null
		: product.annotation;
	const job = Array.isArray(product.job) ? null : product.job;
	const applied = Array.isArray(product.applied) ? {} : product.applied;

	return (
		<div className="kalas-iris-product-panel">
			<StatusBadge status={product.status} job={job} />
			{stored?.annotation ? (
				<AnnotationView annotation={stored.annotation} />
			) : null}
			{stored?.annotated_at ? (
				<p className="description">
					{sprintf(
						__('Annotated %s', 'kalas-iris'),
						new Date(stored.annotated_at).toLocaleString()
					)}
				</p>
			) : null}
			{Object.keys(applied).length > 0 ? (
				<p className="description">
					{__('Added by Kalas Iris:', 'kalas-iris')}{' '}
					{Object.entries(applied)
						.filter(([, record]) => record.applied.length > 0)
						.map(
							([taxonomy, record]) =>
								`${taxonomy}: ${record.applied.join(', ')}`
						)
						.join('; ')}
				</p>
			) : null}
			<ErrorNotice area="product" />
			<Button
				variant="secondary"
				onClick={() => void reannotate(productId)}
				disabled={status === 'pending'}
				isBusy={status === 'pending'}
			>
				{__('Re-annotate', 'kalas-iris')}
			</Button>
		</div>
	);
}
