/**
 * Build of the admin screens and block scripts into plugin/build.
 * Named entries instead of block.json discovery: the block.json files live with the
 * PHP plugin (plugin/blocks/*), which references these bundles.
 */
const path = require('path');
const defaultConfig = require('@wordpress/scripts/config/webpack.config');

module.exports = {
	...defaultConfig,
	entry: {
		admin: './src/admin/index.tsx',
		'product-panel': './src/product-panel/index.tsx',
		'similar-products-editor': './src/blocks/similar-products/index.tsx',
		'shop-by-photo-editor': './src/blocks/shop-by-photo/index.tsx',
		'shop-by-photo-view': './src/blocks/shop-by-photo/view.ts',
	},
	output: {
		...defaultConfig.output,
		path: path.resolve(__dirname, '../plugin/build'),
	},
};
