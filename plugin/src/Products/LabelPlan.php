<?php
/**
 * From an annotation to the labels and terms the plugin would set.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

use KalasIris\Settings\SettingsSchema;

/**
 * Pure mapping. Labels have the feedback shape of the service
 * ({ category, attributes: { field: label }, colors: [names] }), so what a
 * person edits in the review queue is exactly what goes back as feedback.
 */
final class LabelPlan {

	/**
	 * Labels confident enough to suggest.
	 *
	 * @param array<string, mixed> $annotation Annotation answer of the service.
	 * @param array<string, mixed> $settings   Valid settings.
	 * @return array{category: ?string, attributes: array<string, string>, colors: list<string>}
	 */
	public static function suggest( array $annotation, array $settings ): array {
		$labels   = array(
			'category'   => null,
			'attributes' => array(),
			'colors'     => array(),
		);
		// A shop that has learned its own categories gets them in its own words; the
		// model's taxonomy category stands in while it has not, or is unsure.
		$threshold = SettingsSchema::threshold( $settings, 'category' );
		$own       = $annotation['shop']['category'] ?? null;
		$category  = self::passes( $own, $threshold ) ? $own : ( $annotation['category'] ?? null );
		if ( self::passes( $category, $threshold ) ) {
			$labels['category'] = (string) $category['label'];
		}
		foreach ( (array) ( $annotation['attributes'] ?? array() ) as $field => $prediction ) {
			if ( is_string( $field ) && self::passes( $prediction, SettingsSchema::threshold( $settings, $field ) ) ) {
				$labels['attributes'][ $field ] = (string) $prediction['label'];
			}
		}
		$min_share = SettingsSchema::threshold( $settings, 'color' );
		foreach ( (array) ( $annotation['colors'] ?? array() ) as $color ) {
			if ( is_array( $color ) && isset( $color['name'] ) && (float) ( $color['share'] ?? 0 ) >= $min_share ) {
				$labels['colors'][] = (string) $color['name'];
			}
		}
		$labels['colors'] = array_values( array_unique( $labels['colors'] ) );
		return $labels;
	}

	/**
	 * Which terms the labels become, by taxonomy.
	 *
	 * @param array{category?: ?string, attributes?: array<string, string>, colors?: list<string>} $labels   Labels.
	 * @param array<string, mixed>                                                                  $settings Valid settings.
	 * @return array<string, list<string>> Taxonomy => term names.
	 */
	public static function to_terms( array $labels, array $settings ): array {
		$values = (array) ( $labels['attributes'] ?? array() );
		if ( ! empty( $labels['category'] ) ) {
			$values['category'] = (string) $labels['category'];
		}
		if ( ! empty( $labels['colors'] ) ) {
			$values['color'] = (array) $labels['colors'];
		}

		$terms = array();
		foreach ( $values as $field => $value ) {
			$names = array_values( array_filter( array_map( 'strval', (array) $value ), static fn( string $v ): bool => '' !== $v ) );
			if ( array() === $names ) {
				continue;
			}
			$taxonomies = array();
			if ( in_array( $field, (array) $settings['tag_fields'], true ) ) {
				$taxonomies[] = 'product_tag';
			}
			if ( in_array( $field, (array) $settings['attribute_fields'], true ) ) {
				$taxonomies[] = 'pa_' . $field;
			}
			if ( 'category' === $field && ! empty( $settings['set_category'] ) ) {
				$taxonomies[] = 'product_cat';
			}
			foreach ( $taxonomies as $taxonomy ) {
				$terms[ $taxonomy ] = array_values( array_unique( array_merge( $terms[ $taxonomy ] ?? array(), $names ) ) );
			}
		}
		return $terms;
	}

	/**
	 * Whether a prediction is confident and above the field's threshold.
	 *
	 * @param mixed $prediction { label, score, confident }.
	 * @param float $threshold  Minimum score.
	 */
	private static function passes( $prediction, float $threshold ): bool {
		return is_array( $prediction )
			&& isset( $prediction['label'] )
			&& false !== ( $prediction['confident'] ?? true )
			&& (float) ( $prediction['score'] ?? 0 ) >= $threshold;
	}
}
