/**
 * Review queue: accept, edit or reject suggestions, one at a time or in bulk.
 */
import {
	Button,
	Card,
	CardBody,
	CheckboxControl,
	Spinner,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';

import { AnnotationView } from '../components/AnnotationView';
import { ErrorNotice } from '../components/ErrorNotice';
import { LabelEditor } from '../components/LabelEditor';
import { store } from '../store';
import type { Labels, ProductSummary, StoredAnnotation } from '../types';

const EMPTY_LABELS: Labels = { category: null, attributes: {}, colors: [] };

function stored(item: ProductSummary): StoredAnnotation {
	return Array.isArray(item.annotation) ? {} : item.annotation;
}

function ReviewItem({
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
						label={`Select ${item.name}`}
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
					Suggested: {labels.category ? `${labels.category}; ` : ''}
					{Object.entries(labels.attributes)
						.map(([field, value]) => `${field}: ${value}`)
						.join('; ')}
					{labels.colors.length
						? `; colours: ${labels.colors.join(', ')}`
						: ''}
				</p>
				{editing ? (
					<LabelEditor
						labels={labels}
						onChange={setLabels}
						idPrefix={`kalas-iris-${item.id}`}
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
						Accept
					</Button>
					<Button
						variant="secondary"
						disabled={busy}
						onClick={() => setEditing(!editing)}
					>
						{editing ? 'Cancel edit' : 'Edit'}
					</Button>
					<Button
						variant="tertiary"
						isDestructive
						disabled={busy}
						onClick={() => void decide(item.id, 'reject')}
					>
						Reject
					</Button>
				</div>
			</CardBody>
		</Card>
	);
}

export function ReviewPage() {
	const { page, loading } = useSelect(
		(select) => ({
			page: select(store).getReviewPage(),
			loading: select(store).isReviewLoading(),
		}),
		[]
	);
	const { loadReview, decideBulk } = useDispatch(store);
	const [selected, setSelected] = useState<number[]>([]);

	useEffect(() => {
		void loadReview(1);
	}, [loadReview]);

	const items = page?.items ?? [];
	const visibleSelected = selected.filter((id) =>
		items.some((item) => item.id === id)
	);
	const pages = page ? Math.max(1, Math.ceil(page.total / page.per_page)) : 1;

	const bulk = async (decision: 'accept' | 'reject') => {
		await decideBulk(visibleSelected, decision);
		setSelected([]);
	};

	return (
		<div className="kalas-iris-review">
			<ErrorNotice area="review" />
			<div className="kalas-iris-review__bulk">
				<CheckboxControl
					__nextHasNoMarginBottom
					label="Select all"
					checked={
						items.length > 0 &&
						visibleSelected.length === items.length
					}
					onChange={(all) =>
						setSelected(all ? items.map((item) => item.id) : [])
					}
				/>
				<Button
					variant="primary"
					disabled={visibleSelected.length === 0}
					onClick={() => void bulk('accept')}
				>
					Accept selected
				</Button>
				<Button
					variant="secondary"
					isDestructive
					disabled={visibleSelected.length === 0}
					onClick={() => void bulk('reject')}
				>
					Reject selected
				</Button>
				<span role="status">
					{page ? `${page.total} waiting for review` : ''}
				</span>
			</div>
			{loading ? <Spinner /> : null}
			{page && items.length === 0 && !loading ? (
				<p>Nothing to review.</p>
			) : null}
			{items.map((item) => (
				<ReviewItem
					key={item.id}
					item={item}
					selected={visibleSelected.includes(item.id)}
					onSelect={(on) =>
						setSelected(
							on
								? [...selected, item.id]
								: selected.filter((id) => id !== item.id)
						)
					}
				/>
			))}
			{page && pages > 1 ? (
				<div className="kalas-iris-review__pages">
					<Button
						variant="secondary"
						disabled={page.page <= 1}
						onClick={() => void loadReview(page.page - 1)}
					>
						Previous page
					</Button>
					<span>
						Page {page.page} of {pages}
					</span>
					<Button
						variant="secondary"
						disabled={page.page >= pages}
						onClick={() => void loadReview(page.page + 1)}
					>
						Next page
					</Button>
				</div>
			) : null}
		</div>
	);
}
