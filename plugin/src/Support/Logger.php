<?php
/**
 * Logging through WooCommerce.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Support;

/**
 * Writes to WooCommerce → Status → Logs under the source "kalas-iris".
 */
class Logger {

	public const SOURCE = 'kalas-iris';

	/**
	 * @param string               $level   PSR-3 level: info, warning, error.
	 * @param string               $message Plain sentence.
	 * @param array<string, mixed> $context Extra data.
	 */
	public function log( string $level, string $message, array $context = array() ): void {
		if ( function_exists( 'wc_get_logger' ) ) {
			wc_get_logger()->log( $level, $message, array_merge( $context, array( 'source' => self::SOURCE ) ) );
		}
	}
}
