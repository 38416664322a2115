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
import { __, sprintf } from '@wordpress/i18n';

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
					{__('Suggested:', 'kalas-iris')}{' '}
					{labels.category ? `${labels.category}; ` : ''}
					{Object.entries(labels.attributes)
						.map(([field, value]) => `${field}: ${value}`)
						.join('; ')}
					{labels.colors.length
						? '; ' +
							sprintf(
								__('colours: %s', 'kalas-iris'),
								labels.colors.join(', ')
							)
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
					label={__('Select all', 'kalas-iris')}
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
					{__('Accept selected', 'kalas-iris')}
				</Button>
				<Button
					variant="secondary"
					isDestructive
					disabled={visibleSelected.length === 0}
					onClick={() => void bulk('reject')}
				>
					{__('Reject selected', 'kalas-iris')}
				</Button>
				<span role="status">
					{page
						? sprintf(
								__('%d waiting for review', 'kalas-iris'),
								page.total
							)
						: ''}
				</span>
			</div>
			{loading ? <Spinner /> : null}
			{page && items.length === 0 && !loading ? (
				<p>{__('Nothing to review.', 'kalas-iris')}</p>
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
						{__('Previous page', 'kalas-iris')}
					</Button>
					<span>
						{sprintf(
							__('Page %1$d of %2$d', 'kalas-iris'),
							page.page,
							pages
						)}
					</span>
					<Button
						variant="secondary"
						disabled={page.page >= pages}
						onClick={() => void loadReview(page.page + 1)}
					>
						{__('Next page', 'kalas-iris')}
					</Button>
				</div>
			) : null}
		</div>
	);
}
