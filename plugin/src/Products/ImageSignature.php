<?php
/**
 * Fingerprint of a product's images.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * Which images a product has, read from the meta WooCommerce stores them in.
 * Comparing signatures is what makes saves that do not touch images (including
 * the plugin's and the service's own write-backs) enqueue nothing.
 */
final class ImageSignature {

	/**
	 * '' when the product has no image.
	 *
	 * @param int $product_id Product or variation id.
	 */
	public static function of( int $product_id ): string {
		$main    = (int) get_post_meta( $product_id, '_thumbnail_id', true );
		$gallery = trim( (string) get_post_meta( $product_id, '_product_image_gallery', true ) );
		if ( $main <= 0 && '' === $gallery ) {
			return '';
		}
		return sprintf( 'main:%d;gallery:%s', max( 0, $main ), $gallery );
	}
}
