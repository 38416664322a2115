/**
 * A real progress bar for a run over products (the backfill, the reindex after a model
 * update): done / total / failed and, when known, an estimate.
 */
import { __, sprintf } from '@wordpress/i18n';

import { formatEta } from '../format';
import type { BackfillProgress } from '../types';

export interface BackfillProgressBarProps {
	progress: Pick<BackfillProgress, 'total' | 'done' | 'failed'> & {
		state: string;
		eta_seconds?: number | null;
	};
	/** The bar's accessible name. */
	label?: string;
	/** Prefix of the numbers' test ids, so two bars on one page stay apart. */
	idPrefix?: string;
}

export function BackfillProgressBar({
	progress,
	label = __('Backfill progress', 'kalas-iris'),
	idPrefix = 'backfill',
}: BackfillProgressBarProps) {
	const processed = progress.done + progress.failed;
	const max = Math.max(progress.total, processed);
	const value = Math.min(processed, max);
	const width =
		max > 0 ? (value / max) * 100 : progress.state === 'done' ? 100 : 0;
	const eta =
		progress.state === 'running'
			? formatEta(progress.eta_seconds ?? null)
			: null;

	return (
		<div className="kalas-iris-progress">
			<div
				className="kalas-iris-progress__track"
				role="progressbar"
				aria-label={label}
				aria-valuemin={0}
				aria-valuemax={max}
				aria-valuenow={value}
				aria-valuetext={sprintf(
					__('%1$d of %2$d products', 'kalas-iris'),
					value,
					max
				)}
			>
				<div
					className="kalas-iris-progress__bar"
					style={{ width: `${width}%` }}
				/>
			</div>
			<p className="kalas-iris-progress__numbers">
				<span data-testid={`${idPrefix}-done`}>{progress.done}</span>{' '}
				done of{' '}
				<span data-testid={`${idPrefix}-total`}>{progress.total}</span>
				{', '}
				<span data-testid={`${idPrefix}-failed`}>
					{progress.failed}
				</span>{' '}
				failed
				{eta ? (
					<span> · {sprintf(__('%s left', 'kalas-iris'), eta)}</span>
				) : null}
			</p>
		</div>
	);
}
