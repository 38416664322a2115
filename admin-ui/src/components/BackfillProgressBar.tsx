/**
 * A real progress bar for the backfill: done / total / failed and an estimate.
 */
import { __, sprintf } from '@wordpress/i18n';

import { formatEta } from '../format';
import type { BackfillProgress } from '../types';

export interface BackfillProgressBarProps {
	progress: BackfillProgress;
}

export function BackfillProgressBar({ progress }: BackfillProgressBarProps) {
	const processed = progress.done + progress.failed;
	const max = Math.max(progress.total, processed);
	const value = Math.min(processed, max);
	const width =
		max > 0 ? (value / max) * 100 : progress.state === 'done' ? 100 : 0;
	const eta =
		progress.state === 'running' ? formatEta(progress.eta_seconds) : null;

	return (
		<div className="kalas-iris-progress">
			<div
				className="kalas-iris-progress__track"
				role="progressbar"
				aria-label={__('Backfill progress', 'kalas-iris')}
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
				<span data-testid="backfill-done">{progress.done}</span> done of{' '}
				<span data-testid="backfill-total">{progress.total}</span>
				{', '}
				<span data-testid="backfill-failed">
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
