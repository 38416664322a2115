/**
 * Category, attribute confidences and colours of one annotation.
 */
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
					aria-label={`${field} confidence`}
				/>{' '}
				{percent(prediction.score)}
				{prediction.confident ? null : <em> (unsure)</em>}
			</td>
		</tr>
	);
}

export function AnnotationView({ annotation }: { annotation: Annotation }) {
	const attributes = Object.entries(annotation.attributes ?? {});
	const hasRows = Boolean(annotation.category) || attributes.length > 0;
	return (
		<div className="kalas-iris-annotation">
			{hasRows ? (
				<table
					className="widefat striped"
					aria-label="Predicted labels"
				>
					<thead>
						<tr>
							<th scope="col">Field</th>
							<th scope="col">Label</th>
							<th scope="col">Confidence</th>
						</tr>
					</thead>
					<tbody>
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
					Model {annotation.model.name} {annotation.model.version}
				</p>
			) : null}
		</div>
	);
}
