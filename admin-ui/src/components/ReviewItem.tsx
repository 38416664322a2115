/**
 * One product in the review queue: photo, confidences, the suggestion, and Accept / Edit / Reject.
 */
import { Button, Card, CardBody, CheckboxControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { adminConfig } from '../admin/config';
import { store } from '../store';
import type { Labels, ProductSummary, StoredAnnotation } from '../types';
import { AnnotationView } from './AnnotationView';
import { LabelEditor } from './LabelEditor';

const EMPTY_LABELS: Labels = { category: null, attributes: {}, colors: [] };

function stored(item: ProductSummary): StoredAnnotation {
	return Array.isArray(item.annotation) ? {} : item.annotation;
}

/**
 * The suggestion in one line: "Dresses; usage: Casual; colours: red, white".
 *
 * @param labels Labels.
 */
export function describeLabels(labels: Labels): string {
	const parts = [
		labels.category ?? '',
		...Object.entries(labels.attributes).map(
			([field, value]) => `${field}: ${value}`
		),
		labels.colors.length
			? sprintf(__('colours: %s', 'kalas-iris'), labels.colors.join(', '))
			: '',
	];
	return (
		parts.filter(Boolean).join('; ') ||
		__('nothing confident enough', 'kalas-iris')
	);
}

export function ReviewItem({
	item,
	selected,
	onSelect,
}: {
	item: ProductSummary;
	selected: boolean;
	onSelect: (selected: boolean) => void;
}) {
	const busy = useSelect(
		(select) => select(store).isReviewBusy(item.id),
		[item.id]
	);
	const { decide } = useDispatch(store);
	const annotation = stored(item);
	const [editing, setEditing] = useState(false);
	const [labels, setLabels] = useState<Labels>(
		annotation.suggestion ?? EMPTY_LABELS
	);

	return (
		<Card className="kalas-iris-review-item" data-product-id={item.id}>
			<CardBody>
				<div className="kalas-iris-review-item__head">
					<CheckboxControl
						__nextHasNoMarginBottom
						label={sprintf(
							__('Select %s', 'kalas-iris'),
							item.name
						)}
						checked={selected}
						onChange={onSelect}
					/>
					{item.image_url ? (
						<img
							src={item.image_url}
							alt={item.name}
							width={96}
							height={96}
						/>
					) : null}
					<h3>
						<a href={item.edit_url}>{item.name}</a>
					</h3>
				</div>
				{annotation.annotation ? (
					<AnnotationView annotation={annotation.annotation} />
				) : null}
				<p>
					{__('Suggested:', 'kalas-iris')} {describeLabels(labels)}
				</p>
				{editing ? (
					<LabelEditor
						labels={labels}
						onChange={setLabels}
						idPrefix={`kalas-iris-${item.id}`}
						categories={adminConfig().categories}
					/>
				) : null}
				<div className="kalas-iris-review-item__actions">
					<Button
						variant="primary"
						disabled={busy}
						isBusy={busy}
						onClick={() =>
							void decide(
								item.id,
								'accept',
								editing ? labels : null
							)
						}
					>
						{__('Accept', 'kalas-iris')}
					</Button>
					<Button
						variant="secondary"
						disabled={busy}
						onClick={() => setEditing(!editing)}
					>
						{editing
							? __('Cancel edit', 'kalas-iris')
							: __('Edit', 'kalas-iris')}
					</Button>
					<Button
						variant="tertiary"
						isDestructive
						disabled={busy}
						onClick={() => void decide(item.id, 'reject')}
					>
						{__('Reject', 'kalas-iris')}
					</Button>
				</div>
			</CardBody>
		</Card>
	);
}
