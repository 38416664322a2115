/**
 * Corrections visitors sent through the service's public try-it page. The service stores them
 * without letting them act on the shop's predictions, since anyone can send one; accepting
 * one here lets it teach the shop's model, rejecting one keeps it out for good.
 */
import { Notice, SelectControl, Spinner } from '@wordpress/components';
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

import { CorrectionItem } from '../components/CorrectionItem';
import { Pager } from '../components/Pager';
import { request } from '../store/api';
import type {
	ApiError,
	CorrectionReview,
	CorrectionsPage as Page,
} from '../types';

const SHOWN: { value: CorrectionReview; label: string }[] = [
	{ value: 'pending', label: __('Waiting for review', 'kalas-iris') },
	{ value: 'accepted', label: __('Accepted', 'kalas-iris') },
	{ value: 'rejected', label: __('Rejected', 'kalas-iris') },
];

export function CorrectionsPage() {
	const [review, setReview] = useState<CorrectionReview>('pending');
	const [page, setPage] = useState<Page | null>(null);
	const [loading, setLoading] = useState(false);
	const [busy, setBusy] = useState<number[]>([]);
	const [error, setError] = useState<ApiError | null>(null);
	// Only the newest request's answer is shown: a slow answer for another filter or page must
	// not replace it.
	const latest = useRef(0);

	const load = useCallback(
		async (shown: CorrectionReview, number: number) => {
			const ticket = ++latest.current;
			setLoading(true);
			setError(null);
			try {
				const answer = await request<Page>(
					`/corrections?review=${shown}&page=${number}`
				);
				if (ticket === latest.current) {
					setPage(answer);
				}
			} catch (thrown) {
				if (ticket === latest.current) {
					setError(thrown as ApiError);
				}
			} finally {
				if (ticket === latest.current) {
					setLoading(false);
				}
			}
		},
		[]
	);

	useEffect(() => {
		void load(review, 1);
	}, [load, review]);

	const decide = async (id: number, decision: CorrectionReview) => {
		setBusy((ids) => [...ids, id]);
		setError(null);
		try {
			await request(`/corrections/${id}`, {
				method: 'POST',
				data: { review: decision },
			});
			// It now belongs to another list: this page is read again, so the next correction moves
			// up into it (a page emptied by the decision gives way to the one before).
			const shown = page?.page ?? 1;
			const emptied = page?.items.length === 1 && shown > 1;
			await load(review, emptied ? shown - 1 : shown);
		} catch (thrown) {
			setError(thrown as ApiError);
		} finally {
			setBusy((ids) => ids.filter((other) => other !== id));
		}
	};

	return (
		<div className="kalas-iris-corrections">
			<p>
				{__(
					'Anyone can correct an annotation on the service’s public try-it page. Those corrections wait here: accept the right ones to teach the shop’s model, reject the others.',
					'kalas-iris'
				)}
			</p>
			{error ? (
				<Notice status="error" isDismissible={false}>
					<span data-error-code={error.code}>{error.message}</span>
				</Notice>
			) : null}
			<div className="kalas-iris-review__bulk">
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={__('Show', 'kalas-iris')}
					value={review}
					options={SHOWN}
					onChange={(value) => setReview(value as CorrectionReview)}
				/>
				<span role="status">
					{page
						? sprintf(
								_n(
									'%d correction',
									'%d corrections',
									page.total,
									'kalas-iris'
								),
								page.total
							)
						: ''}
				</span>
			</div>
			{loading ? <Spinner /> : null}
			{page && page.items.length === 0 && !loading ? (
				<p>{__('No corrections here.', 'kalas-iris')}</p>
			) : null}
			{page?.items.map((item) => (
				<CorrectionItem
					key={item.id}
					item={item}
					busy={busy.includes(item.id)}
					onDecide={(decision) => void decide(item.id, decision)}
				/>
			))}
			{page ? (
				<Pager
					page={page.page}
					perPage={page.per_page}
					total={page.total}
					onPage={(n) => void load(review, n)}
				/>
			) : null}
		</div>
	);
}
