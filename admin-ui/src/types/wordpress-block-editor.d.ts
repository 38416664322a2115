/**
 * @wordpress/block-editor ships no type declarations in the installed version; these
 * cover the two exports the block editors use.
 */
declare module '@wordpress/block-editor' {
	import type { ComponentType, ReactNode } from 'react';

	export function useBlockProps(
		props?: Record<string, unknown>
	): Record<string, unknown>;

	export const InspectorControls: ComponentType<{ children?: ReactNode }>;
}
