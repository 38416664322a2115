/**
 * Edits a suggestion before it is accepted.
 */
import { TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { Labels } from '../types';

export interface LabelEditorProps {
	labels: Labels;
	onChange: (labels: Labels) => void;
	idPrefix: string;
}

/**
 * Colour names from a comma-separated list.
 *
 * @param text Input text.
 */
export function parseList(text: string): string[] {
	return text
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);
}

export function LabelEditor({ labels, onChange, idPrefix }: LabelEditorProps) {
	// The text is kept as typed, so a trailing comma survives until the next colour.
	const [colorsText, setColorsText] = useState(labels.colors.join(', '));
	return (
		<div className="kalas-iris-label-editor">
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				id={`${idPrefix}-category`}
				label={__('Category', 'kalas-iris')}
				value={labels.category ?? ''}
				onChange={(value) =>
					onChange({ ...labels, category: value || null })
				}
			/>
			{Object.entries(labels.attributes).map(([field, value]) => (
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					key={field}
					id={`${idPrefix}-${field}`}
					label={field}
					value={value}
					onChange={(next) =>
						onChange({
							...labels,
							attributes: { ...labels.attributes, [field]: next },
						})
					}
				/>
			))}
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				id={`${idPrefix}-colors`}
				label={__('Colours (comma separated)', 'kalas-iris')}
				value={colorsText}
				onChange={(value) => {
					setColorsText(value);
					onChange({ ...labels, colors: parseList(value) });
				}}
			/>
		</div>
	);
}
