/**
 * Category, attribute confidences and colours of one annotation.
 */
import { __, sprintf } from '@wordpress/i18n';

import { percent } from '../format';
import type { Annotation, Prediction } from '../types';
import { ColorSwatches } from './ColorSwatches';

function Row({ field, prediction }: { field: string; prediction: Prediction }) {
	return (
		<tr data-field={field}>
			<th scope="row">{field}</th>
			<td>{prediction.label}</td>
			<td>
				<meter
					min={0}
					max={1}
					value={prediction.score}
					aria-label={sprintf(
						__('%s confidence', 'kalas-iris'),
						field
					)}
				/>{' '}
				{percent(prediction.score)}
				{prediction.confident ? null : (
					<em> {__('(unsure)', 'kalas-iris')}</em>
				)}
			</td>
		</tr>
	);
}

export function AnnotationView({ annotation }: { annotation: Annotation }) {
	const attributes = Object.entries(annotation.attributes ?? {});
	// The shop's own labels, once it has learned them (catalogue learning).
	const own = Object.entries(annotation.shop ?? {});
	const hasRows =
		Boolean(annotation.category) || attributes.length > 0 || own.length > 0;
	return (
		<div className="kalas-iris-annotation">
			{hasRows ? (
				<table
					className="widefat striped"
					aria-label={__('Predicted labels', 'kalas-iris')}
				>
					<thead>
						<tr>
							<th scope="col">{__('Field', 'kalas-iris')}</th>
							<th scope="col">{__('Label', 'kalas-iris')}</th>
							<th scope="col">
								{__('Confidence', 'kalas-iris')}
							</th>
						</tr>
					</thead>
					<tbody>
						{own.map(([field, prediction]) => (
							<Row
								key={`shop-${field}`}
								field={sprintf(
									/* translators: %s: field, such as category */
									__('your %s', 'kalas-iris'),
									field
								)}
								prediction={prediction}
							/>
						))}
						{annotation.category ? (
							<Row
								field="category"
								prediction={annotation.category}
							/>
						) : null}
						{attributes.map(([field, prediction]) => (
							<Row
								key={field}
								field={field}
								prediction={prediction}
							/>
						))}
					</tbody>
				</table>
			) : null}
			<ColorSwatches colors={annotation.colors ?? []} />
			{annotation.model ? (
				<p className="description">
					{sprintf(
						__('Model %1$s %2$s', 'kalas-iris'),
						annotation.model.name,
						annotation.model.version
					)}
				</p>
			) : null}
		</div>
	);
}
