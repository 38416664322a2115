/**
 * Catalogue learning as the plugin reports it, for the tests of the store and the panel:
 * one set, so that they agree on what a learning looks like.
 */
import type { LearnResult, LearnStatus, ServiceLearnStatus } from '../types';

/** The plugin's record of a run that learned. */
export const learned: LearnResult = {
	products: 120,
	labelled: 96,
	missing: 0,
	learned_at: '2026-11-27T17:20:00Z',
	report: {
		fields: {
			category: {
				labels: 7,
				examples: 96,
				holdout_accuracy: 0.912,
				seconds: 0.4,
			},
		},
		corrections: 2,
	},
};

/** The plugin's record of a run that found nothing to learn. */
export const learnedNothing: LearnResult = {
	products: 40,
	labelled: 1,
	missing: 0,
	learned_at: '2026-11-27T17:20:00Z',
	report: { fields: {}, corrections: 0 },
};

/** The service learned again by itself, from corrections, after the plugin's last run. */
export const relearned: ServiceLearnStatus = {
	fields: {
		category: {
			labels: [
				'Dresses',
				'Tees & Tanks',
				'Skirts',
				'Coats',
				'Jeans',
				'Shirts',
				'Knitwear',
				'Shorts',
				'Bags',
			],
			examples: 110,
			holdout_accuracy: 0.87,
			trained_at: '2026-11-28T01:20:00.000Z',
		},
	},
	running: false,
	next_run_at: null,
};

/** Why the plugin says it could not ask the service. */
export const SERVICE_ERROR =
	'Could not ask the Kalas Iris service what it has learned: The Kalas Iris service did not answer.';

/**
 * GET /learn's answer: the plugin's record (or none) with the service's status.
 *
 * @param record  The plugin's last learning.
 * @param service The service's status, null when it could not be asked.
 */
export function status(
	record: LearnResult | null,
	service: ServiceLearnStatus | null
): LearnStatus {
	return {
		...(record ?? { learned: false as const }),
		service,
		service_error: service ? null : SERVICE_ERROR,
	};
}
