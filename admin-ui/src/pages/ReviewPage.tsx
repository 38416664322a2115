/**
 * Review queue: accept, edit or reject suggestions, one at a time or in bulk.
 */
import { Button, CheckboxControl, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { ErrorNotice } from '../components/ErrorNotice';
import { Pager } from '../components/Pager';
import { ReviewItem } from '../components/ReviewItem';
import { store } from '../store';

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
			{page ? (
				<Pager
					page={page.page}
					perPage={page.per_page}
					total={page.total}
					onPage={(n) => void loadReview(n)}
				/>
			) : null}
		</div>
	);
}
