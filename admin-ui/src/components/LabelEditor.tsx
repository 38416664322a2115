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
	/** The shop's own category names, offered as the category is typed. */
	categories?: string[];
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

export function LabelEditor({
	labels,
	onChange,
	idPrefix,
	categories = [],
}: LabelEditorProps) {
	// The text is kept as typed, so a trailing comma survives until the next colour.
	const [colorsText, setColorsText] = useState(labels.colors.join(', '));
	// A native datalist: the shop's own names are one click away (a correction in the
	// model's words would become a second category), and any other name can be typed.
	const categoryList = `${idPrefix}-category-options`;
	return (
		<div className="kalas-iris-label-editor">
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				id={`${idPrefix}-category`}
				label={__('Category', 'kalas-iris')}
				help={
					categories.length
						? __(
								'Pick one of your categories, or type a new one.',
								'kalas-iris'
							)
						: undefined
				}
				list={categories.length ? categoryList : undefined}
				autoComplete="off"
				value={labels.category ?? ''}
				onChange={(value) =>
					onChange({ ...labels, category: value || null })
				}
			/>
			{categories.length ? (
				<datalist id={categoryList}>
					{categories.map((name) => (
						<option key={name} value={name} />
					))}
				</datalist>
			) : null}
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
