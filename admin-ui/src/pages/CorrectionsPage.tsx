/**
 * Corrections visitors sent through the service's public try-it page. The service stores them
 * without letting them act on the shop's predictions, since anyone can send one; accepting
 * one here lets it teach the shop's model, rejecting one keeps it out for good.
 */
import { SelectControl, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

import { CorrectionItem } from '../components/CorrectionItem';
import { ErrorNotice } from '../components/ErrorNotice';
import { Pager } from '../components/Pager';
import { store } from '../store';
import type { CorrectionReview } from '../types';

const SHOWN: { value: CorrectionReview; label: string }[] = [
	{ value: 'pending', label: __('Waiting for review', 'kalas-iris') },
	{ value: 'accepted', label: __('Accepted', 'kalas-iris') },
	{ value: 'rejected', label: __('Rejected', 'kalas-iris') },
];

export function CorrectionsPage() {
	const { review, page, loading, busy } = useSelect(
		(select) => ({
			review: select(store).getCorrectionsReview(),
			page: select(store).getCorrectionsPage(),
			loading: select(store).isCorrectionsLoading(),
			busy: select(store).getCorrectionsBusy(),
		}),
		[]
	);
	const { loadCorrections, decideCorrection } = useDispatch(store);

	useEffect(() => {
		void loadCorrections(1);
	}, [loadCorrections]);

	return (
		<div className="kalas-iris-corrections">
			<p>
				{__(
					'Anyone can correct an annotation on the service’s public try-it page. Those corrections wait here: accept the right ones to teach the shop’s model, reject the others.',
					'kalas-iris'
				)}
			</p>
			<ErrorNotice area="corrections" />
			<div className="kalas-iris-review__bulk">
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={__('Show', 'kalas-iris')}
					value={review}
					options={SHOWN}
					onChange={(value) =>
						void loadCorrections(1, value as CorrectionReview)
					}
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
					onDecide={(decision) =>
						void decideCorrection(item.id, decision)
					}
				/>
			))}
			{page ? (
				<Pager
					page={page.page}
					perPage={page.per_page}
					total={page.total}
					onPage={(n) => void loadCorrections(n)}
				/>
			) : null}
		</div>
	);
}
