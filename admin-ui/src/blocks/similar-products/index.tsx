/**
 * Editor of kalas-iris/similar-products. The block is rendered by PHP
 * (plugin/blocks/similar-products/render.php); the editor shows its settings.
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';
import {
	PanelBody,
	Placeholder,
	RangeControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import metadata from '../../../../plugin/blocks/similar-products/block.json';

export type SimilarProductsAttributes = {
	title: string;
	count: number;
	showPrice: boolean;
	showAddToCart: boolean;
};

interface EditProps {
	attributes: SimilarProductsAttributes;
	setAttributes: (attributes: Partial<SimilarProductsAttributes>) => void;
}

export function Edit({ attributes, setAttributes }: EditProps) {
	return (
		<div {...useBlockProps()}>
			<InspectorControls>
				<PanelBody title={__('Settings', 'kalas-iris')}>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={__('Title', 'kalas-iris')}
						value={attributes.title}
						onChange={(title) => setAttributes({ title })}
					/>
					<RangeControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={__('Number of products', 'kalas-iris')}
						min={1}
						max={12}
						value={attributes.count}
						onChange={(count) =>
							setAttributes({ count: count ?? 4 })
						}
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label={__('Show price', 'kalas-iris')}
						checked={attributes.showPrice}
						onChange={(showPrice) => setAttributes({ showPrice })}
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label={__('Show add to cart button', 'kalas-iris')}
						checked={attributes.showAddToCart}
						onChange={(showAddToCart) =>
							setAttributes({ showAddToCart })
						}
					/>
				</PanelBody>
			</InspectorControls>
			<Placeholder
				icon="visibility"
				label={__('Similar products', 'kalas-iris')}
			>
				{sprintf(
					__(
						'Shows %d products that look like the current one, found from their photos. Falls back to related products when the Kalas Iris service is unreachable.',
						'kalas-iris'
					),
					attributes.count
				)}
			</Placeholder>
		</div>
	);
}

registerBlockType(
	metadata as unknown as BlockConfiguration<SimilarProductsAttributes>,
	{
		edit: Edit,
		// Rendered on the server.
		save: () => null,
	}
);
