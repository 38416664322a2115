<?php
/**
 * How the admin screens see a product.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Rest;

use KalasIris\Products\AnnotationMeta;

/**
 * Product name, photo and links plus the plugin's annotation, for JSON responses.
 */
final class ProductView {

	/**
	 * @param int            $product_id Product id.
	 * @param AnnotationMeta $meta       Plugin meta.
	 * @return array<string, mixed>|null Null when the product does not exist.
	 */
	public static function of( int $product_id, AnnotationMeta $meta ): ?array {
		$product = wc_get_product( $product_id );
		if ( ! $product instanceof \WC_Product ) {
			return null;
		}
		$image_id = (int) $product->get_image_id();
		return array(
			'id'        => $product_id,
			'name'      => wp_strip_all_tags( $product->get_name() ),
			'permalink' => (string) $product->get_permalink(),
			'edit_url'  => (string) get_edit_post_link( $product->is_type( 'variation' ) ? $product->get_parent_id() : $product_id, 'raw' ),
			'image_url' => $image_id > 0 ? (string) wp_get_attachment_image_url( $image_id, 'woocommerce_thumbnail' ) : '',
		) + $meta->summary( $product_id );
	}

	/**
	 * Turns the service's similar items into shop products, dropping ones this shop no longer has.
	 *
	 * @param list<array<string, mixed>> $items Similar answer items.
	 * @return list<array<string, mixed>>
	 */
	public static function similar( array $items ): array {
		$out = array();
		foreach ( $items as $item ) {
			$product = wc_get_product( (int) ( $item['id'] ?? 0 ) );
			if ( ! $product instanceof \WC_Product || 'publish' !== $product->get_status() ) {
				continue;
			}
			$image_id = (int) $product->get_image_id();
			$out[]    = array(
				'id'        => $product->get_id(),
				'score'     => (float) ( $item['score'] ?? 0 ),
				'name'      => wp_strip_all_tags( $product->get_name() ),
				'permalink' => (string) $product->get_permalink(),
				'image_url' => $image_id > 0 ? (string) wp_get_attachment_image_url( $image_id, 'woocommerce_thumbnail' ) : '',
				'price'     => wp_strip_all_tags( html_entity_decode( (string) $product->get_price_html() ) ),
			);
		}
		return $out;
	}
}
