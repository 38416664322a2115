/**
 * Catalogue learning from the shop's own categories: the plugin sends the category the
 * owner gave each indexed product (only when it has exactly one, and never one Kalas
 * Iris wrote), and the service learns to name new products' categories in the shop's own
 * words. It runs by itself when a backfill finishes; run it again after recategorising
 * products. The service also learns by itself a minute after the shop's corrections
 * change, so its own status, when it can be read, has the newer word.
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { usePolling, type PollSchedule } from '../hooks/use-polling';
import { store } from '../store';
import type { ServiceLearnStatus } from '../types';
import { ErrorNotice } from './ErrorNotice';

/**
 * The later of two ISO 8601 dates; either may be missing.
 *
 * @param a One date.
 * @param b Another.
 */
function newest(a?: string, b?: string): string | undefined {
	if (!a || !b) {
		return a ?? b;
	}
	return Date.parse(b) > Date.parse(a) ? b : a;
}

/**
 * A moment to come, with its date when it is not today: the wait can last up to a day.
 *
 * @param iso ISO 8601 date.
 */
function around(iso: string): string {
	const date = new Date(iso);
	return date.toDateString() === new Date().toDateString()
		? date.toLocaleTimeString()
		: date.toLocaleString();
}

/** How often the panel reads the service's status while it learns, and how long after the next run's time it looks. */
export const LEARN_POLL_MS = 15000;

/**
 * When the panel reads the service's status again. While the service learns, the panel
 * follows it; when it will learn the latest corrections, the panel reads its status once,
 * just after that time (the wait can last a day: no polling meanwhile). The admin's own
 * run reads it again when it ends.
 *
 * @param running Whether the admin's own run is under way.
 * @param service The service's status, null when unknown.
 */
function followUp(
	running: boolean,
	service: ServiceLearnStatus | null
): PollSchedule {
	if (running || !service) {
		return null;
	}
	if (service.running) {
		return { every: LEARN_POLL_MS };
	}
	return service.next_run_at
		? { after: Date.parse(service.next_run_at), wait: LEARN_POLL_MS }
		: null;
}

export function LearnPanel() {
	const { running, result, service, serviceError } = useSelect(
		(select) => select(store).getLearn(),
		[]
	);
	const { learnCatalogue, loadLearn } = useDispatch(store);
	const learned = service?.fields.category;
	// The plugin's record speaks for the service only when the service could not be asked: one
	// that answered without a head has lost what it learned (its data wiped, or another service).
	// A run that found nothing to learn still says why, as the service agrees with it.
	const fromRecord =
		service === null || (!learned && !result?.report.fields.category)
			? result
			: null;
	// The service's figures when it has them: they include what it learned by itself.
	const category = learned
		? {
				labels: learned.labels.length,
				examples: learned.examples,
				holdout_accuracy: learned.holdout_accuracy,
			}
		: fromRecord?.report.fields.category;
	const learnedAt = learned
		? newest(result?.learned_at, learned.trained_at)
		: fromRecord?.learned_at;
	const unlearned = service !== null && !learned && !fromRecord;

	useEffect(() => {
		void loadLearn();
	}, [loadLearn]);

	usePolling(() => void loadLearn(), followUp(running, service));

	return (
		<div className="kalas-iris-learn" data-testid="learn-panel">
			<h2>{__('Learn your categories', 'kalas-iris')}</h2>
			<p>
				{__(
					'Kalas Iris can name new products in your own categories, learned from the products you have already filed. A product counts when it has exactly one category of its own.',
					'kalas-iris'
				)}
			</p>
			<ErrorNotice area="learn" />
			{unlearned && !running ? (
				<Notice status="warning" isDismissible={false}>
					<span data-testid="learn-result">
						{__(
							'The service has not learned your categories (yet).',
							'kalas-iris'
						)}
					</span>
				</Notice>
			) : null}
			{serviceError && !running ? (
				<Notice status="warning" isDismissible={false}>
					<span data-testid="learn-service-error">
						{fromRecord
							? sprintf(
									/* translators: %s: why the service could not be asked, a sentence */
									__(
										"%s Shown here is this site's own record of its last learning.",
										'kalas-iris'
									),
									serviceError
								)
							: serviceError}
					</span>
				</Notice>
			) : null}
			{learned?.stale && !running ? (
				<Notice status="warning" isDismissible={false}>
					<span data-testid="learn-stale">
						{__(
							'Your categories were learned with the previous model, so new products are not named in them. They are learned again by themselves once the shop is indexed again with the new model (Kalas Iris → Backfill).',
							'kalas-iris'
						)}
					</span>
				</Notice>
			) : null}
			{learnedAt && !running ? (
				<Notice
					status={category ? 'success' : 'warning'}
					isDismissible={false}
				>
					<span data-testid="learn-when">
						{sprintf(
							/* translators: %s: date and time */
							__('Last learned %s.', 'kalas-iris'),
							new Date(learnedAt).toLocaleString()
						)}{' '}
					</span>
					<span data-testid="learn-result">
						{category
							? sprintf(
									/* translators: 1: categories, 2: products, 3: accuracy sentence */
									__(
										'Learned %1$d categories from %2$d products.%3$s',
										'kalas-iris'
									),
									category.labels,
									category.examples,
									category.holdout_accuracy === null
										? ''
										: sprintf(
												/* translators: %d: percentage */
												__(
													' On products it set aside while learning, it named %d%% correctly.',
													'kalas-iris'
												),
												Math.round(
													category.holdout_accuracy *
														100
												)
											)
								)
							: // Without figures, the date shown is the plugin's record's, so there is one.
								fromRecord &&
								sprintf(
									/* translators: 1: products sent, 2: with one category */
									__(
										'Nothing to learn yet: of %1$d indexed products, %2$d have exactly one category of their own, and each category needs at least two.',
										'kalas-iris'
									),
									fromRecord.products,
									fromRecord.labelled
								)}
					</span>
				</Notice>
			) : null}
			{service?.running && !running ? (
				<p>{__('Learning now…', 'kalas-iris')}</p>
			) : null}
			{service?.next_run_at && !running ? (
				<p>
					{sprintf(
						/* translators: %s: time of day, with the date when not today */
						__(
							'Your latest corrections will be learned around %s.',
							'kalas-iris'
						),
						around(service.next_run_at)
					)}
				</p>
			) : null}
			<Button
				variant="secondary"
				onClick={() => void learnCatalogue()}
				disabled={running}
				aria-busy={running}
			>
				{running
					? __('Learning…', 'kalas-iris')
					: __('Learn from my catalogue', 'kalas-iris')}
			</Button>
			{running ? <Spinner /> : null}
		</div>
	);
}
