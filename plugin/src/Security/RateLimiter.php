<?php
/**
 * Per-visitor rate limit.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Security;

/**
 * Fixed-window counter per visitor. Shoppers' photo searches cost the service real
 * work, so each visitor gets a few per window.
 *
 * The count is one atomic increment, never a read followed by a write: parallel
 * requests that all read "9" before any wrote "10" would all pass. Windows are aligned
 * to the clock (the window number is part of the key), so a counter never has to be
 * reset, which could not be made atomic as simply.
 */
final class RateLimiter {

	private const CACHE_GROUP = 'kalas_iris_rate_limit';

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
		$now    = (int) ( $this->clock )();
		$window = intdiv( $now, $this->window );
		// Hashed, so no IP address is stored in the options table.
		$key = 'kalas_iris_rl_' . $this->name . '_' . md5( $visitor ) . '_' . $window;
		return $this->increment( $key, ( $window + 1 ) * $this->window ) <= $this->limit;
	}

	/**
	 * Seconds until the visitor may try again: the end of the current window.
	 *
	 * @param string $visitor Visitor key (every visitor's window ends at the same time).
	 */
	public function retry_after( string $visitor ): int {
		$now = (int) ( $this->clock )();
		return max( 1, ( intdiv( $now, $this->window ) + 1 ) * $this->window - $now );
	}

	/**
	 * Adds one to a counter and answers its new value.
	 *
	 * With a persistent object cache (Redis, Memcached), its add and incr are atomic.
	 * Without one, the transient API is a get_option/update_option pair and add_option
	 * is no lock either (its INSERT … ON DUPLICATE KEY UPDATE overwrites), so the counter
	 * is one upsert on the options table that MySQL applies atomically. The rows are
	 * named like a transient with its timeout row, so WordPress's daily
	 * delete_expired_transients() removes them, and uninstall finds them by prefix.
	 *
	 * @param string $key      Counter name.
	 * @param int    $reset_at When the window ends (Unix time).
	 */
	private function increment( string $key, int $reset_at ): int {
		if ( wp_using_ext_object_cache() ) {
			wp_cache_add( $key, 0, self::CACHE_GROUP, $this->window );
			// False when the cache lost the key in between: let the request through.
			return (int) wp_cache_incr( $key, 1, self::CACHE_GROUP );
		}
		global $wpdb;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- an atomic counter has no API.
		$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'off')", '_transient_timeout_' . $key, (string) $reset_at ) );
		$rows = $wpdb->query( $wpdb->prepare( "INSERT INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, '1', 'off') ON DUPLICATE KEY UPDATE option_value = LAST_INSERT_ID(option_value + 1)", '_transient_' . $key ) );
		// 1: the row was created; 2: it was updated, and LAST_INSERT_ID() holds the value this
		// connection wrote, whatever other requests did since (reading the row back would
		// count theirs too). A database error lets the request through rather than lock
		// every shopper out.
		$count = match ( $rows ) {
			1       => 1,
			2       => (int) $wpdb->get_var( 'SELECT LAST_INSERT_ID()' ),
			default => 0,
		};
		// phpcs:enable
		return $count;
	}
}
