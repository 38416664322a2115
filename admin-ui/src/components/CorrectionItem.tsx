/**
 * One correction from the public try-it page: its photo, what the page showed the visitor, what
 * the visitor said, and the decisions a shop manager can take on it.
 */
import { Button, Card, CardBody } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { CorrectionReview, Labels, WebCorrection } from '../types';
import { CorrectionPhoto } from './CorrectionPhoto';
import { describeLabels } from './ReviewItem';

/**
 * Labels from what a client sent: the visitor's correction, or the model's answer the page sent
 * beside it (any JSON, so each part is checked).
 *
 * @param value Correction or original.
 */
function labels(value: unknown): Labels {
	const v = (value && typeof value === 'object' ? value : {}) as Record<
		string,
		unknown
	>;
	const attributes =
		v.attributes && typeof v.attributes === 'object'
			? (v.attributes as Record<string, unknown>)
			: {};
	return {
		category: typeof v.category === 'string' ? v.category : null,
		attributes: Object.fromEntries(
			Object.entries(attributes).map(([field, label]) => [
				field,
				Array.isArray(label) ? label.join(', ') : String(label),
			])
		),
		colors: Array.isArray(v.colors) ? v.colors.map(String) : [],
	};
}

/**
 * Everything a correction would change, the shop's own fields included: those are what steer its
 * catalogue learning, so a manager must see them before accepting.
 *
 * @param value The correction as sent.
 */
export function describeCorrection(value: unknown): string {
	const parsed = labels(value);
	const own = (value as { labels?: unknown } | null)?.labels;
	const parts = [
		parsed.category ||
		Object.keys(parsed.attributes).length ||
		parsed.colors.length
			? describeLabels(parsed)
			: '',
		...Object.entries(own && typeof own === 'object' ? own : {}).map(
			([field, label]) =>
				sprintf(
					__('your %1$s: %2$s', 'kalas-iris'),
					field,
					String(label)
				)
		),
	];
	return parts.filter(Boolean).join('; ') || __('nothing', 'kalas-iris');
}

const DECISIONS: { review: CorrectionReview; label: string }[] = [
	{ review: 'accepted', label: __('Accept', 'kalas-iris') },
	{ review: 'rejected', label: __('Reject', 'kalas-iris') },
	{ review: 'pending', label: __('Back to pending', 'kalas-iris') },
];

export function CorrectionItem({
	item,
	busy,
	onDecide,
}: {
	item: WebCorrection;
	busy: boolean;
	onDecide: (review: CorrectionReview) => void;
}) {
	return (
		<Card className="kalas-iris-correction" data-correction-id={item.id}>
			<CardBody>
				<div className="kalas-iris-correction__body">
					{item.has_image ? (
						<CorrectionPhoto id={item.id} />
					) : (
						<p className="kalas-iris-correction__nophoto">
							{sprintf(
								__('About product %s (no photo)', 'kalas-iris'),
								item.product_id ?? '?'
							)}
						</p>
					)}
					<div>
						<p>
							{__('Shown to the visitor:', 'kalas-iris')}{' '}
							{item.original
								? describeCorrection(item.original)
								: __('not sent', 'kalas-iris')}
						</p>
						<p>
							<strong>
								{__('The visitor said:', 'kalas-iris')}{' '}
								{describeCorrection(item.correction)}
							</strong>
						</p>
						<p className="description">
							{new Date(item.created_at).toLocaleString()}
							{' · '}
							{item.learns
								? __('teaches the shop’s model', 'kalas-iris')
								: __('not used for learning', 'kalas-iris')}
						</p>
					</div>
				</div>
				<div className="kalas-iris-review-item__actions">
					{DECISIONS.filter((d) => d.review !== item.review).map(
						(d) => (
							<Button
								key={d.review}
								variant={
									d.review === 'accepted'
										? 'primary'
										: 'secondary'
								}
								isDestructive={d.review === 'rejected'}
								disabled={busy}
								isBusy={busy}
								onClick={() => onDecide(d.review)}
							>
								{d.label}
							</Button>
						)
					)}
				</div>
			</CardBody>
		</Card>
	);
}
