<?php
/**
 * The shop's own labels of a product, for the service's catalogue learning.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * What the owner filed a product under, never what this plugin wrote: learning the
 * plugin's own guesses back would only teach the model what it already says.
 */
final class OwnLabels {

	/**
	 * A product's own labels, read from its categories and the plugin's applied record.
	 *
	 * @param ProductGateway $products   Product terms.
	 * @param AnnotationMeta $meta       Plugin meta.
	 * @param int            $product_id Product id.
	 * @return array<string, string> { category?: name }
	 */
	public static function of_product( ProductGateway $products, AnnotationMeta $meta, int $product_id ): array {
		return self::of( $products->terms( $product_id, array( 'product_cat' ) ), $meta->get_json( $product_id, AnnotationMeta::APPLIED ) );
	}

	/**
	 * The product's own category, when it has exactly one. Several own categories (a
	 * parent and its child, a season next to a garment type) do not say which one is
	 * the garment's, so none is sent rather than a guess.
	 *
	 * @param array<string, list<string>> $terms   The product's terms by taxonomy; the default category is already left out.
	 * @param array<string, mixed>        $applied What the plugin applied ({@see AnnotationMeta::APPLIED}).
	 * @return array<string, string> { category?: name }
	 */
	public static function of( array $terms, array $applied ): array {
		$mine = array_map( 'strtolower', (array) ( $applied['product_cat']['applied'] ?? array() ) );
		$own  = array_values(
			array_filter(
				(array) ( $terms['product_cat'] ?? array() ),
				static fn( $name ): bool => '' !== (string) $name && ! in_array( strtolower( (string) $name ), $mine, true )
			)
		);
		return 1 === count( $own ) ? array( 'category' => (string) $own[0] ) : array();
	}
}
