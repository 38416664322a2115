/**
 * Dominant colours as swatches with their share of the garment.
 */
import { __ } from '@wordpress/i18n';

import { percent } from '../format';
import type { Color } from '../types';

export function ColorSwatches({ colors }: { colors: Color[] }) {
	if (colors.length === 0) {
		return null;
	}
	return (
		<ul
			className="kalas-iris-swatches"
			aria-label={__('Colours', 'kalas-iris')}
		>
			{colors.map((color) => (
				<li
					key={color.name + color.hex}
					className="kalas-iris-swatches__item"
				>
					<span
						className="kalas-iris-swatches__chip"
						style={{ backgroundColor: color.hex }}
						aria-hidden="true"
					/>
					<span>
						{color.name} {percent(color.share)}
					</span>
				</li>
			))}
		</ul>
	);
}
