/**
 * After the service gets a new model, the products it indexed with the old one are left out
 * of similar items until they are analysed again. This panel says how many, starts the
 * service's reindex, and follows it. (The similar-products block also starts it by itself
 * the first time it meets such a product.)
 */
import { Button, Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

import { usePolling } from '../hooks/use-polling';
import { store } from '../store';
import { BackfillProgressBar } from './BackfillProgressBar';
import { ErrorNotice } from './ErrorNotice';

/** How often the panel asks for progress while a run is going. */
export const REINDEX_POLL_MS = 2000;

export function ReindexPanel() {
	const progress = useSelect((select) => select(store).getReindex(), []);
	const { loadReindex, startReindex } = useDispatch(store);
	const state = progress?.state;

	useEffect(() => {
		void loadReindex();
	}, [loadReindex]);

	usePolling(
		() => void loadReindex(),
		state === 'running' ? { every: REINDEX_POLL_MS } : null
	);

	if (!progress) {
		// Nothing to say until the service answers; a failure shows here.
		return <ErrorNotice area="reindex" />;
	}
	const report = progress.report;
	return (
		<div className="kalas-iris-reindex" data-testid="reindex-panel">
			<h2>{__('After a model update', 'kalas-iris')}</h2>
			<p role="status" data-testid="reindex-state">
				{progress.stale_now > 0
					? sprintf(
							_n(
								'%d product was indexed by an older model and is left out of similar items until it is analysed again.',
								'%d products were indexed by an older model and are left out of similar items until they are analysed again.',
								progress.stale_now,
								'kalas-iris'
							),
							progress.stale_now
						)
					: __(
							'Every indexed product is up to date with the current model.',
							'kalas-iris'
						)}
			</p>
			{progress.state !== 'idle' && progress.total > 0 ? (
				<BackfillProgressBar
					progress={progress}
					label={__('Reindex progress', 'kalas-iris')}
					idPrefix="reindex"
				/>
			) : null}
			{progress.state === 'done' && report && report.failed.length > 0 ? (
				<Notice status="warning" isDismissible={false}>
					{sprintf(
						/* translators: 1: how many, 2: first error */
						__(
							'%1$d products could not be fetched again from their image URLs (%2$s). The "Re-annotate" button on a product\'s edit screen sends its photo again.',
							'kalas-iris'
						),
						report.failed.length,
						report.failed[0].error
					)}
				</Notice>
			) : null}
			{progress.state === 'done' &&
			report &&
			report.without_url.length > 0 ? (
				<Notice status="warning" isDismissible={false}>
					{sprintf(
						__(
							'%d products were indexed from uploaded photos without an address; the "Re-annotate" button on a product\'s edit screen sends its photo again.',
							'kalas-iris'
						),
						report.without_url.length
					)}
				</Notice>
			) : null}
			<ErrorNotice area="reindex" />
			{progress.stale_now > 0 && progress.state !== 'running' ? (
				<Button variant="secondary" onClick={() => void startReindex()}>
					{__('Analyse them again', 'kalas-iris')}
				</Button>
			) : null}
		</div>
	);
}
