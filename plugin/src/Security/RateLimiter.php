<?php
/**
 * Per-visitor rate limit.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Security;

/**
 * Fixed-window counter in a transient per visitor. Shoppers' photo searches cost the
 * service real work, so each visitor gets a few per window.
 */
final class RateLimiter {

	/**
	 * @param string $name    Limit name, part of the transient key.
	 * @param int    $limit   Requests per window.
	 * @param int    $window  Window length in seconds.
	 * @param mixed  $clock   callable(): int, Unix time.
	 */
	public function __construct(
		private string $name,
		private int $limit,
		private int $window,
		private $clock = 'time'
	) {
	}

	/**
	 * Counts one request; false when the visitor is over the limit.
	 *
	 * @param string $visitor IP address or another visitor key.
	 */
	public function hit( string $visitor ): bool {
		// Hashed, so no IP address is stored in the options table.
		$key   = 'kalas_iris_rl_' . $this->name . '_' . md5( $visitor );
		$now   = (int) ( $this->clock )();
		$state = get_transient( $key );
		if ( ! is_array( $state ) || (int) ( $state['reset_at'] ?? 0 ) <= $now ) {
			$state = array(
				'count'    => 0,
				'reset_at' => $now + $this->window,
			);
		}
		if ( $state['count'] >= $this->limit ) {
			return false;
		}
		++$state['count'];
		set_transient( $key, $state, max( 1, (int) $state['reset_at'] - $now ) );
		return true;
	}

	/**
	 * Seconds until the visitor may try again.
	 *
	 * @param string $visitor Visitor key.
	 */
	public function retry_after( string $visitor ): int {
		$state = get_transient( 'kalas_iris_rl_' . $this->name . '_' . md5( $visitor ) );
		return is_array( $state ) ? max( 1, (int) $state['reset_at'] - (int) ( $this->clock )() ) : 1;
	}
}
