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
				<PanelBody title="Settings">
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label="Title"
						value={attributes.title}
						onChange={(title) => setAttributes({ title })}
					/>
					<RangeControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label="Number of products"
						min={1}
						max={12}
						value={attributes.count}
						onChange={(count) =>
							setAttributes({ count: count ?? 4 })
						}
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label="Show price"
						checked={attributes.showPrice}
						onChange={(showPrice) => setAttributes({ showPrice })}
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label="Show add to cart button"
						checked={attributes.showAddToCart}
						onChange={(showAddToCart) =>
							setAttributes({ showAddToCart })
						}
					/>
				</PanelBody>
			</InspectorControls>
			<Placeholder icon="visibility" label="Similar products">
				{`Shows ${attributes.count} products that look like the current one, found from their photos. ` +
					'Falls back to related products when the Kalas Iris service is unreachable.'}
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
