<?php
/**
 * Marks the plugin's own product saves.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * While the plugin writes labels back, product events for that product are
 * ignored. The static set covers this request; the meta flag covers hooks that
 * other plugins defer to a later request (async saves, cache warmers).
 */
final class WriteGuard {

	/** Seconds after which a flag left by a crashed write-back stops counting. */
	private const STALE_AFTER = 120;

	/**
	 * @var array<int, true>
	 */
	private static array $writing = array();

	/**
	 * Runs $write with the guard held for the product.
	 *
	 * @template T
	 * @param int           $product_id Product id.
	 * @param callable(): T $write      The write-back.
	 * @return T
	 */
	public static function during( int $product_id, callable $write ) {
		self::$writing[ $product_id ] = true;
		update_post_meta( $product_id, AnnotationMeta::WRITING, time() );
		try {
			return $write();
		} finally {
			unset( self::$writing[ $product_id ] );
			delete_post_meta( $product_id, AnnotationMeta::WRITING );
		}
	}

	/**
	 * Whether the plugin is writing this product now.
	 *
	 * @param int $product_id Product id.
	 */
	public static function is_writing( int $product_id ): bool {
		if ( isset( self::$writing[ $product_id ] ) ) {
			return true;
		}
		$since = (int) get_post_meta( $product_id, AnnotationMeta::WRITING, true );
		return $since > 0 && time() - $since < self::STALE_AFTER;
	}
}
