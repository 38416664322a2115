/**
 * Backfill: annotate every product that has no annotation, with pause and resume.
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { adminConfig } from '../admin/config';
import { BackfillProgressBar } from '../components/BackfillProgressBar';
import { ErrorNotice } from '../components/ErrorNotice';
import { JobCounts } from '../components/JobCounts';
import { LearnPanel } from '../components/LearnPanel';
import { ReindexPanel } from '../components/ReindexPanel';
import { usePolling } from '../hooks/use-polling';
import { store } from '../store';

/** How often the page asks for progress while a run is going. */
export const POLL_MS = 2000;

export function BackfillPage() {
	const { progress, counts } = useSelect(
		(select) => ({
			progress: select(store).getBackfill(),
			counts: select(store).getJobCounts(),
		}),
		[]
	);
	const { loadBackfill, loadJobCounts, controlBackfill } = useDispatch(store);
	const state = progress?.state;

	useEffect(() => {
		void loadBackfill();
		void loadJobCounts();
	}, [loadBackfill, loadJobCounts]);

	// Progress lives on the server, so polling picks up where a reload left off.
	usePolling(
		() => {
			void loadBackfill();
			void loadJobCounts();
		},
		state === 'running' ? { every: POLL_MS } : null
	);

	if (!progress) {
		return (
			<>
				<Spinner />
				<ErrorNotice area="backfill" />
			</>
		);
	}

	return (
		<div className="kalas-iris-backfill">
			<p>
				{__(
					'Annotates every product that has a photo but no annotation yet, and indexes those shoppers can see for similar items (also any whose indexing did not finish), 20 products at a time in the background. You can leave this page; the run continues. Products that failed are tried again when you start another run.',
					'kalas-iris'
				)}
			</p>
			<p
				role="status"
				data-testid="backfill-state"
				data-state={progress.state}
			>
				{
					{
						idle: __('Not started.', 'kalas-iris'),
						running: __('Running…', 'kalas-iris'),
						paused: __('Paused.', 'kalas-iris'),
						done: __('Done.', 'kalas-iris'),
					}[progress.state]
				}
			</p>
			{progress.state === 'done' && progress.total === 0 ? (
				<p>
					{__(
						'Nothing to backfill: every product with a photo has an annotation.',
						'kalas-iris'
					)}
				</p>
			) : null}
			{progress.state !== 'idle' && progress.total > 0 ? (
				<BackfillProgressBar progress={progress} />
			) : null}
			{progress.error ? (
				<Notice status="warning" isDismissible={false}>
					{sprintf(
						__('Waiting for the service: %s', 'kalas-iris'),
						progress.error.message
					)}
					{progress.retry_at
						? ' ' +
							sprintf(
								__('Next try at %s.', 'kalas-iris'),
								new Date(
									progress.retry_at * 1000
								).toLocaleTimeString()
							)
						: ''}
				</Notice>
			) : null}
			<ErrorNotice area="backfill" />
			<div className="kalas-iris-backfill__actions">
				{progress.state === 'idle' || progress.state === 'done' ? (
					<Button
						variant="primary"
						onClick={() => void controlBackfill('start')}
					>
						{__('Start backfill', 'kalas-iris')}
					</Button>
				) : null}
				{progress.state === 'running' ? (
					<Button
						variant="secondary"
						onClick={() => void controlBackfill('pause')}
					>
						{__('Pause', 'kalas-iris')}
					</Button>
				) : null}
				{progress.state === 'paused' ? (
					<Button
						variant="primary"
						onClick={() => void controlBackfill('resume')}
					>
						{__('Resume', 'kalas-iris')}
					</Button>
				) : null}
			</div>
			{counts ? (
				<>
					<h2>{__('Annotation jobs', 'kalas-iris')}</h2>
					<JobCounts
						counts={counts}
						actionsUrl={`${
							adminConfig().adminUrl
						}admin.php?page=wc-status&tab=action-scheduler&s=kalas_iris`}
					/>
				</>
			) : null}
			<LearnPanel />
			<ReindexPanel />
		</div>
	);
}
