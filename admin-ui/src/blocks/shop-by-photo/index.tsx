/**
 * Editor of kalas-iris/shop-by-photo. The form is rendered by PHP and driven by view.ts.
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';
import { PanelBody, RangeControl, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import metadata from '../../../../plugin/blocks/shop-by-photo/block.json';

export type ShopByPhotoAttributes = {
	label: string;
	buttonText: string;
	count: number;
};

interface EditProps {
	attributes: ShopByPhotoAttributes;
	setAttributes: (attributes: Partial<ShopByPhotoAttributes>) => void;
}

export function Edit({ attributes, setAttributes }: EditProps) {
	return (
		<div {...useBlockProps({ className: 'kalas-iris-shop-by-photo' })}>
			<InspectorControls>
				<PanelBody title={__('Settings', 'kalas-iris')}>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={__('Field label', 'kalas-iris')}
						value={attributes.label}
						onChange={(label) => setAttributes({ label })}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={__('Button text', 'kalas-iris')}
						value={attributes.buttonText}
						onChange={(buttonText) => setAttributes({ buttonText })}
					/>
					<RangeControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={__('Number of products', 'kalas-iris')}
						min={1}
						max={24}
						value={attributes.count}
						onChange={(count) =>
							setAttributes({ count: count ?? 8 })
						}
					/>
				</PanelBody>
			</InspectorControls>
			<label>
				{attributes.label} <input type="file" disabled />
			</label>{' '}
			<button type="button" className="wp-element-button" disabled>
				{attributes.buttonText}
			</button>
		</div>
	);
}

registerBlockType(
	metadata as unknown as BlockConfiguration<ShopByPhotoAttributes>,
	{
		edit: Edit,
		save: () => null,
	}
);
