<?php
/**
 * Version counter of the similar-items index.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Support;

/**
 * Cached similar-products lists are keyed by this number; bumping it when any
 * product enters or leaves the index invalidates them all without a cache scan.
 */
final class IndexVersion {

	public const OPTION = 'kalas_iris_index_version';

	/**
	 * Current version.
	 */
	public static function get(): int {
		return (int) get_option( self::OPTION, 1 );
	}

	/**
	 * Marks the index as changed.
	 */
	public static function bump(): void {
		update_option( self::OPTION, self::get() + 1, true );
	}
}
