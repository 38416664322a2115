<?php
/**
 * Writes accepted labels to a product.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

use KalasIris\Settings\Settings;

/**
 * Applies labels through the WooCommerce CRUD inside WordPress, rather than asking
 * the service to call the shop's REST API back (POST /v1/products/{id}/apply):
 * one fewer network hop, no dependency on the service holding REST credentials,
 * and the "never overrule a person" record lives next to the product it protects.
 */
class WriteBack {

	/**
	 * @param ProductGateway $products Products.
	 * @param AnnotationMeta $meta     Plugin meta.
	 * @param Settings       $settings Settings.
	 */
	public function __construct(
		private ProductGateway $products,
		private AnnotationMeta $meta,
		private Settings $settings
	) {
	}

	/**
	 * Applies labels to a product, plus the colours of its annotated variations.
	 *
	 * @param int                  $product_id Product (not variation) id.
	 * @param array<string, mixed> $labels     { category, attributes, colors }.
	 * @param bool                 $by_person  The labels are a person's accepted labels (review queue).
	 * @return array{add: array<string, list<string>>, remove: array<string, list<string>>} What changed.
	 */
	public function apply( int $product_id, array $labels, bool $by_person = false ): array {
		$settings = $this->settings->all();
		$labels['colors'] = array_values(
			array_unique( array_merge( (array) ( $labels['colors'] ?? array() ), $this->variation_colors( $product_id ) ) )
		);
		$wanted = LabelPlan::to_terms( $labels, $settings );
		$record = $this->meta->get_json( $product_id, AnnotationMeta::APPLIED );

		$taxonomies  = array_values( array_unique( array_merge( array_keys( $wanted ), array_keys( $record ) ) ) );
		$untouchable = array_values(
			array_filter(
				$taxonomies,
				fn( string $taxonomy ): bool => str_starts_with( $taxonomy, 'pa_' )
					&& $this->products->is_variation_attribute( $product_id, $taxonomy )
			)
		);
		$merge = LabelMerger::merge(
			$this->products->terms( $product_id, $taxonomies ),
			$record,
			$wanted,
			(bool) $settings['protect_manual'],
			$untouchable,
			$by_person
		);

		if ( array() !== $merge['add'] || array() !== $merge['remove'] ) {
			WriteGuard::during(
				$product_id,
				fn() => $this->products->change_terms( $product_id, $merge['add'], $merge['remove'] )
			);
		}
		$this->meta->set_json( $product_id, AnnotationMeta::APPLIED, $merge['record'] );
		$this->meta->set_status( $product_id, 'applied' );

		return array(
			'add'    => $merge['add'],
			'remove' => $merge['remove'],
		);
	}

	/**
	 * The colours found on a variable product's variation images. Shoppers filter
	 * by the parent's attribute terms, so each variation's colour belongs there.
	 *
	 * @param int $product_id Parent id.
	 * @return list<string>
	 */
	private function variation_colors( int $product_id ): array {
		$colors = array();
		foreach ( $this->products->variation_ids( $product_id ) as $variation_id ) {
			$stored = $this->meta->get_json( $variation_id, AnnotationMeta::ANNOTATION );
			foreach ( (array) ( $stored['suggestion']['colors'] ?? array() ) as $color ) {
				$colors[] = (string) $color;
			}
		}
		return $colors;
	}
}
